package dev.weft.engine;

import dev.weft.engine.host.HostOptions;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link Engine} runs flows.
 *
 * @param workerThreads threads that run Wasm calls (never the event loop)
 * @param defaultPoolMax instances per component when a flow does not say ({@code pool.max})
 * @param queueLimit calls that may wait for a busy component before new ones fail as busy
 * @param compile whether to compile Wasm to JVM bytecode (fast) or interpret it (quick start)
 * @param maxMemoryPages the default cap of an instance's linear memory, in 64 KiB pages
 * @param compileCache the folder compiled Wasm is kept in between runs, if any
 * @param host how {@code weft:host} is provided (KV backend, deadlines, the bound on blocked
 *     host calls)
 */
public record EngineOptions(
    int workerThreads,
    int defaultPoolMax,
    int queueLimit,
    boolean compile,
    int maxMemoryPages,
    Optional<Path> compileCache,
    HostOptions host) {
  /** Linear memory is capped at 256 MiB unless a flow says otherwise. */
  public static final int DEFAULT_MAX_MEMORY_PAGES = 4096;

  /** Options without a compile cache. */
  public EngineOptions(
      int workerThreads, int defaultPoolMax, int queueLimit, boolean compile, int maxMemoryPages) {
    this(workerThreads, defaultPoolMax, queueLimit, compile, maxMemoryPages, Optional.empty());
  }

  /** Options with host capabilities from the environment ({@link HostOptions#fromEnvironment()}). */
  public EngineOptions(
      int workerThreads,
      int defaultPoolMax,
      int queueLimit,
      boolean compile,
      int maxMemoryPages,
      Optional<Path> compileCache) {
    this(workerThreads, defaultPoolMax, queueLimit, compile, maxMemoryPages, compileCache, HostOptions.fromEnvironment());
  }

  public EngineOptions {
    Objects.requireNonNull(compileCache, "compileCache");
    Objects.requireNonNull(host, "host");
    if (workerThreads < 1 || defaultPoolMax < 1 || queueLimit < 0 || maxMemoryPages < 1) {
      throw new IllegalArgumentException("engine options must be positive");
    }
  }

  /**
   * One worker and one instance per core, a queue of 1,000 calls, compiled Wasm, no compile cache
   * (the CLI and server turn it on, see {@code CompileCache.defaultDir()}).
   */
  public static EngineOptions defaults() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new EngineOptions(
        cores, cores, 1000, true, DEFAULT_MAX_MEMORY_PAGES, Optional.empty(), HostOptions.fromEnvironment());
  }

  public EngineOptions withCompile(boolean value) {
    return new EngineOptions(workerThreads, defaultPoolMax, queueLimit, value, maxMemoryPages, compileCache, host);
  }

  public EngineOptions withWorkerThreads(int value) {
    return new EngineOptions(value, defaultPoolMax, queueLimit, compile, maxMemoryPages, compileCache, host);
  }

  public EngineOptions withDefaultPoolMax(int value) {
    return new EngineOptions(workerThreads, value, queueLimit, compile, maxMemoryPages, compileCache, host);
  }

  public EngineOptions withQueueLimit(int value) {
    return new EngineOptions(workerThreads, defaultPoolMax, value, compile, maxMemoryPages, compileCache, host);
  }

  public EngineOptions withCompileCache(Optional<Path> dir) {
    return new EngineOptions(workerThreads, defaultPoolMax, queueLimit, compile, maxMemoryPages, dir, host);
  }

  /** These options with host capabilities provided as {@code value} says. */
  public EngineOptions withHost(HostOptions value) {
    return new EngineOptions(workerThreads, defaultPoolMax, queueLimit, compile, maxMemoryPages, compileCache, value);
  }

  /** These options with {@code weft:host/kv} on the Redis at {@code url} ({@code redis://host:port}). */
  public EngineOptions withRedisUrl(String url) {
    return withHost(host.withRedisUrl(Optional.of(url)));
  }
}
