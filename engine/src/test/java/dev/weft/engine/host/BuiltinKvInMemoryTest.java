package dev.weft.engine.host;

import dev.weft.engine.Engine;
import dev.weft.engine.EngineOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The built-in KV nodes on the engine's in-memory store. */
class BuiltinKvInMemoryTest extends BuiltinKvContract {
  static Engine engine;

  @BeforeAll
  static void start() {
    engine = Engine.create(EngineOptions.defaults().withWorkerThreads(1).withHost(HostOptions.defaults()));
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Override
  Engine engine() {
    return engine;
  }
}
