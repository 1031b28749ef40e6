package dev.weft.engine;

/**
 * How an {@link Engine} runs flows.
 *
 * @param workerThreads threads that run Wasm calls (never the event loop)
 * @param defaultPoolMax instances per component when a flow does not say ({@code pool.max})
 * @param queueLimit calls that may wait for a busy component before new ones fail as busy
 * @param compile whether to compile Wasm to JVM bytecode (fast) or interpret it (quick start)
 * @param maxMemoryPages the default cap of an instance's linear memory, in 64 KiB pages
 */
public record EngineOptions(
    int workerThreads, int defaultPoolMax, int queueLimit, boolean compile, int maxMemoryPages) {
  /** Linear memory is capped at 256 MiB unless a flow says otherwise. */
  public static final int DEFAULT_MAX_MEMORY_PAGES = 4096;

  public EngineOptions {
    if (workerThreads < 1 || defaultPoolMax < 1 || queueLimit < 0 || maxMemoryPages < 1) {
      throw new IllegalArgumentException("engine options must be positive");
    }
  }

  /** One worker and one instance per core, a queue of 1,000 calls, compiled Wasm. */
  public static EngineOptions defaults() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new EngineOptions(cores, cores, 1000, true, DEFAULT_MAX_MEMORY_PAGES);
  }

  public EngineOptions withCompile(boolean value) {
    return new EngineOptions(workerThreads, defaultPoolMax, queueLimit, value, maxMemoryPages);
  }

  public EngineOptions withWorkerThreads(int value) {
    return new EngineOptions(value, defaultPoolMax, queueLimit, compile, maxMemoryPages);
  }

  public EngineOptions withDefaultPoolMax(int value) {
    return new EngineOptions(workerThreads, value, queueLimit, compile, maxMemoryPages);
  }
}
