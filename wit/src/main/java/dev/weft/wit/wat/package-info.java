/**
 * The component text format (WAT), for the part that describes types: enough to read a WIT package
 * written as a component in text ({@code wasm-tools component wit --wat} prints this form) and the
 * reference parser's {@code .wat} test cases. {@link dev.weft.wit.wat.SExprParser} reads the
 * S-expressions and {@link dev.weft.wit.wat.WatComponent} turns them into the same {@link
 * dev.weft.wit.binary.Section}s the binary reader produces, resolving {@code $names} and hoisting
 * inline types as the text format's desugaring does; the binary decoder takes it from there.
 * Components with core modules, canonical functions or instances are refused with a message that
 * says to convert them with {@code wasm-tools parse}. Spec: WebAssembly/component-model {@code
 * design/mvp/Explainer.md} (the text format).
 */
package dev.weft.wit.wat;
