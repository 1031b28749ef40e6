package dev.weft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.engine.Engine;
import dev.weft.engine.EngineOptions;
import dev.weft.engine.LoadedFlow;
import dev.weft.engine.PoolStats;
import dev.weft.wit.value.WitValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading a flow releases the instances of the version it replaces. */
class FlowRegistryTest {
  private final Engine engine =
      Engine.create(EngineOptions.defaults().withWorkerThreads(2).withDefaultPoolMax(2));
  private final List<String> log = new ArrayList<>();
  private final FlowRegistry registry = new FlowRegistry(engine, log::add);

  @TempDir Path dir;

  @AfterEach
  void close() {
    engine.close();
  }

  private LoadedFlow served(String name) {
    return registry.get(name).orElseThrow().flow();
  }

  private void runOnce(LoadedFlow flow) {
    engine
        .run(flow, Map.of("name", new WitValue.Str("W")))
        .toCompletionStage()
        .toCompletableFuture()
        .join();
  }

  private Path copyOfHello(String as) throws Exception {
    Path file = dir.resolve(as);
    String greet = Path.of("../examples/components/greet/greet.wasm").toAbsolutePath().toString();
    Files.writeString(
        file,
        Files.readString(Http.FLOWS.resolve("hello.yaml"))
            .replace("../../../../../../examples/components/greet/greet.wasm", greet));
    return file;
  }

  @Test
  void aReloadClosesThePoolsOfTheVersionItReplaces() throws Exception {
    Path file = copyOfHello("hello.yaml");
    registry.load(file);
    LoadedFlow first = served("hello");
    runOnce(first);
    PoolStats before = first.poolStats().get("greet");
    assertTrue(before.live() > 0 && before.live() == before.idle(), before.toString());

    registry.load(file);
    LoadedFlow second = served("hello");
    assertTrue(first != second);
    assertEquals(new PoolStats(2, 0, 0, 0), first.poolStats().get("greet"), "released");
    runOnce(second);
    assertTrue(second.poolStats().get("greet").idle() > 0, "the new version keeps its instances");
  }
}
