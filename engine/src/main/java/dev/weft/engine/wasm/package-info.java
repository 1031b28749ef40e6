/**
 * Components on Endive: {@link dev.weft.engine.wasm.ComponentLoader} decodes a component binary
 * into a plan, parses and compiles its core modules once, and binds the canonical ABI codecs of its
 * exports ({@link dev.weft.engine.wasm.LoadedComponent}); each {@link
 * dev.weft.engine.wasm.ComponentInstance} replays the plan (instantiates the core modules in order,
 * wiring their imports) and calls exports with WIT values.
 *
 * <p>This is the runtime half of wasmtime's translate/instantiate split: everything that looks
 * names up happens at load; a call only indexes arrays. Spec: WebAssembly/component-model {@code
 * design/mvp/Explainer.md} (instantiation) and {@code CanonicalABI.md} ({@code canon lift}).
 */
package dev.weft.engine.wasm;
