/**
 * The host capabilities of {@code weft:host@0.1.0} (WIT in {@code
 * flows/src/main/resources/wit/weft-host/host.wit}, guide in {@code docs/host.md}): one class
 * per interface registering its {@link dev.weft.engine.wasm.HostFunction}s, the {@link
 * dev.weft.engine.host.KvStore} with its in-memory and Redis implementations, {@link
 * dev.weft.engine.host.GrantCheck} (imports against grants, at check time) and {@link
 * dev.weft.engine.host.HostEnvironment} (one per engine, building each component's {@link
 * dev.weft.engine.wasm.HostImports} from its grants, deny by default). WASI preview 1, when a
 * flow grants it, is Endive's with the grant's arguments, variables and folders ({@code
 * GrantedWasi}, one per instance), the folders read-only and closed in ({@code ReadOnlyWasi}),
 * stdout and stderr into the {@link dev.weft.engine.host.GuestLog} line by line ({@code
 * LineLog}).
 *
 * <p>Threads: host functions run on the guest's worker thread. Those that do I/O start it on an
 * event loop and wait through {@link dev.weft.engine.host.HostCalls}, bounded in time (a
 * deadline per call) and in threads (a semaphore); a slow or dead backend is a typed error for
 * the guest, never a hang, and never a wait on an event loop.
 *
 * <p>Built-in nodes ({@link dev.weft.engine.host.BuiltinHost}) run the same functions
 * ({@link dev.weft.engine.host.KvFunctions}, {@link dev.weft.engine.host.HttpExchange}) without
 * grants and without waiting: their Futures complete on the event loop, and the scheduler goes on
 * from there.
 */
package dev.weft.engine.host;
