/**
 * The component binary decoder: {@link dev.weft.wit.binary.ComponentReader} turns the bytes of a
 * component into {@link dev.weft.wit.binary.Section} events (every section of the format), and
 * {@link dev.weft.wit.binary.ComponentTranslator} resolves their index spaces into a flat,
 * index-based {@link dev.weft.wit.binary.ComponentPlan} (ordered core instances, lowered imports,
 * lifted exports) plus a WIT {@link dev.weft.wit.model.TypeTable} of the component's types.
 *
 * <p>Malformed or truncated input is a {@link dev.weft.wit.binary.BinaryFormatException} naming the
 * byte offset and what was expected; a well-formed shape the runtime does not support is an {@link
 * dev.weft.wit.binary.UnsupportedComponentException} saying which. Spec:
 * WebAssembly/component-model {@code design/mvp/Binary.md} (and {@code Explainer.md} for the index
 * spaces).
 */
package dev.weft.wit.binary;
