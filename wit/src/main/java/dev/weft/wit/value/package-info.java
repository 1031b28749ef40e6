/**
 * WIT values: the immutable {@link dev.weft.wit.value.WitValue} model that crosses every host
 * boundary, and its public JSON mapping ({@link dev.weft.wit.value.ValueJson}).
 *
 * <p>Like wasmtime's {@code Val}, a value carries no type: it is checked against a {@link
 * dev.weft.wit.model.WitType} where it crosses a boundary (the canonical ABI codecs in {@code
 * dev.weft.wit.abi}, the JSON mapping here). Spec: WebAssembly/component-model {@code
 * design/mvp/Explainer.md}, "Value types".
 */
package dev.weft.wit.value;
