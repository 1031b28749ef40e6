/**
 * The canonical ABI: sizes, alignment and flattening of WIT types, and the lift and lower codecs
 * that move {@link dev.weft.wit.value.WitValue}s in and out of a guest's linear memory.
 *
 * <p>Codecs are built once per function ({@link dev.weft.wit.abi.FunctionCodec#bind}), where the
 * type is checked; the per-call path only walks the prebuilt codec tree. Everything read from guest
 * memory is checked (pointers, lengths, alignment, discriminants, chars, string encodings) and a
 * violation is an {@link dev.weft.wit.abi.AbiException}, which the engine reports as a trap.
 *
 * <p>The code targets the small {@link dev.weft.wit.abi.Memory} interface, not a Wasm runtime: the
 * engine adapts it to Endive's memory, tests use a byte array. Spec: WebAssembly/component-model
 * {@code design/mvp/CanonicalABI.md} and its executable reference {@code
 * design/mvp/canonical-abi/definitions.py} ("Alignment", "Element Size", "Loading", "Storing",
 * "Flattening", "Flat Lifting", "Flat Lowering").
 */
package dev.weft.wit.abi;
