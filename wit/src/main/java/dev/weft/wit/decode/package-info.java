/**
 * WIT from component binaries, after wasm-tools' {@code wit-parser} decoding: {@link
 * dev.weft.wit.decode.ComponentTyper} evaluates a component's sections (as {@link
 * dev.weft.wit.binary.ComponentReader} reads them) into the types of its imports and exports, the
 * way a validator does, and {@link dev.weft.wit.decode.WitDecoder} turns those into the same {@link
 * dev.weft.wit.model.Resolve} the text front end produces, so the printer and every checker work on
 * it unchanged.
 *
 * <p>Two kinds of binary are understood: a WIT package encoded as a component (every export is a
 * component type holding one interface or world, as {@code wasm-tools component wit --wasm} and the
 * {@code component-type} custom sections of {@code wasm-tools component embed} write them), and a
 * real component, whose imports and exports become the world {@code root} of the package {@code
 * root:component}. Spec: WebAssembly/component-model {@code design/mvp/Binary.md} and {@code
 * Explainer.md} (type definitions, index spaces, instantiation).
 */
package dev.weft.wit.decode;
