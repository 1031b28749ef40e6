/**
 * Components on Endive: load a component once, instantiate it many times, call its exports with WIT
 * values.
 *
 * <pre>{@code
 * LoadedComponent greet = ComponentLoader.load(Path.of("greet.wasm"), LoadOptions.defaults());
 * try (ComponentInstance instance = greet.instantiate()) {           // one thread at a time
 *   Optional<WitValue> out = instance.call("greet", List.of(new WitValue.Str("Weft")));
 * }
 * }</pre>
 *
 * <p>{@link dev.weft.engine.wasm.ComponentLoader} decodes the binary into a plan, parses and
 * compiles its core modules once, binds the canonical ABI codecs of its exports and imports, and
 * checks that {@link dev.weft.engine.wasm.HostImports} provides every import ({@link
 * dev.weft.engine.LinkException} otherwise, naming them). {@link
 * dev.weft.engine.wasm.LoadedComponent} is thread-safe; each {@link
 * dev.weft.engine.wasm.ComponentInstance} replays the plan (instantiates the core modules in order,
 * wiring their imports: wit-component's shim and fixup modules run as they are) and serves one call
 * at a time. Traps and canonical ABI violations are {@link dev.weft.engine.TrapException}s and
 * leave the instance unusable; an interrupted thread ends the call with an {@link
 * dev.weft.engine.EngineException} of kind {@code TIMEOUT}.
 *
 * <p>A component built from a WASI preview 1 program carries wit-component's {@code
 * wasi_snapshot_preview1} adapter; when {@link dev.weft.engine.wasm.HostImports} grants WASI, the
 * adapter and its {@code wasi:*} imports are left out and the main module calls a {@link
 * dev.weft.engine.wasm.WasiHost} of the instance's own instead.
 *
 * <p>Instantiation leaves guest initialisation to Weft ({@code CoreInitialiser}): a fresh instance
 * copies its data segments and runs its start functions (wit-component's call of {@code
 * _initialize} among them) itself, and an instance seeded from an {@link
 * dev.weft.engine.wasm.InstanceSnapshot} gets the snapshot's memories, mutable globals and tables
 * instead, so initialisation runs once however many instances a pool makes.
 *
 * <p>A plain core module that follows wit-bindgen's conventions loads with its WIT world ({@link
 * dev.weft.engine.wasm.CoreWorld}); {@link dev.weft.engine.wasm.ComponentLoader#describe} reads a
 * component's imports and exports without compiling it.
 *
 * <p>This is the runtime half of wasmtime's translate/instantiate split: everything that looks
 * names up happens at load; a call only indexes arrays. Spec: WebAssembly/component-model {@code
 * design/mvp/Explainer.md} (instantiation) and {@code CanonicalABI.md} ({@code canon lift}, {@code
 * canon lower}, {@code resource.drop}).
 */
package dev.weft.engine.wasm;
