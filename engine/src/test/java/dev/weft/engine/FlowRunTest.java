package dev.weft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.engine.wasm.LoadOptions;
import dev.weft.wit.value.WitValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs flows of the real example components (greet, spin, hostile) through the engine: parallel
 * branches, for-each, when, fallback, retry, deadlines and traps.
 */
class FlowRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path COMPONENTS =
      Path.of("").toAbsolutePath().getParent().resolve("examples/components");
  private static Engine engine;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    engine = Engine.create(EngineOptions.defaults().withWorkerThreads(4).withDefaultPoolMax(2));
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private LoadedFlow flow(String... lines) throws IOException {
    return flow(engine, lines);
  }

  /** The flow of {@code lines} loaded on {@code on}, with {@code @} for the example components. */
  private LoadedFlow flow(Engine on, String... lines) throws IOException {
    String text = String.join("\n", lines).replace("@", COMPONENTS.toString() + "/");
    Path file = dir.resolve("flow.yaml");
    Files.writeString(file, text + "\n");
    return on.load(file);
  }

  private static RunResult run(LoadedFlow f, String input) throws Exception {
    return engine.run(f, JSON.readTree(input)).toCompletionStage().toCompletableFuture().get();
  }

  private static RunException failure(LoadedFlow f, String input) throws Exception {
    try {
      run(f, input);
    } catch (ExecutionException e) {
      return assertInstanceOf(RunException.class, e.getCause());
    }
    throw new AssertionError("the run should have failed");
  }

  private static JsonNode json(RunResult r) throws IOException {
    return JSON.readTree(r.toJson().toString());
  }

  @Test
  void independentBranchesRunAtTheSameTime() throws Exception {
    LoadedFlow f =
        flow(
            "flow: diamond",
            "components: { spin: '@spin/spin.wasm' }",
            "nodes:",
            "  a: { call: spin.work, with: { seed: 1, rounds: 10 } }",
            "  b: { call: spin.work, with: { seed: $a, rounds: 30000000 } }",
            "  c: { call: spin.work, with: { seed: $a, rounds: 30000001 } }",
            "  d: { call: spin.work, with: { seed: $b, rounds: 10 } }",
            "output: { b: $b, c: $c, d: $d }");
    RunResult r = run(f, "{}");
    NodeTrace b = trace(r, "b");
    NodeTrace c = trace(r, "c");
    assertTrue(b.startNanos() < c.endNanos() && c.startNanos() < b.endNanos(),
        "b and c overlap in time: " + r.trace());
    assertTrue(trace(r, "d").startNanos() >= b.endNanos(), "d waits for b");
  }

  @Test
  void forEachCallsOncePerElementInOrder() throws Exception {
    LoadedFlow f =
        flow(
            "flow: each",
            "components: { greet: '@greet/greet.wasm' }",
            "input: { names: list<string> }",
            "nodes:",
            "  hello: { call: greet.greet, for-each: $input.names, with: { name: $item }, concurrency: 1 }",
            "  loud: { call: greet.shout, for-each: $hello, with: { text: $item } }",
            "output: { all: $loud, first: '$hello[0]' }");
    JsonNode out = json(run(f, "{\"names\": [\"a\", \"b\", \"c\"]}"));
    assertEquals(JSON.readTree("{\"all\": [\"HELLO, A!\", \"HELLO, B!\", \"HELLO, C!\"], \"first\": \"Hello, a!\"}"), out);
  }

  @Test
  void templatesWriteValuesAsTextAndStringsFeedBytesAsUtf8() throws Exception {
    LoadedFlow f =
        flow(
            "flow: text",
            "components: { k: '@kitchen/kitchen.wasm', greet: '@greet/greet.wasm' }",
            "input: { name: string, n: u64, x: f64, on: bool }",
            "nodes:",
            "  size: { call: greet.count-chars, with: { text: $input.name } }",
            "  hello: { call: greet.greet, with: { name: '${input.name}#${size}/${input.n}/${input.x}/${input.on} $${x}' } }",
            "  bytes: { call: k.reverse-bytes, with: { b: '${input.name}é' } }",
            "  none: { call: k.double-opt }",
            "output: { hello: $hello, bytes: $bytes, none: $none }");
    JsonNode out = json(run(f, "{\"name\": \"Zoë\", \"n\": 18446744073709551615, \"x\": 2, \"on\": true}"));
    assertEquals("Hello, Zoë#3/18446744073709551615/2.0/true ${x}!", out.get("hello").asText());
    byte[] utf8 = "Zoëé".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] reversed = new byte[utf8.length];
    for (int i = 0; i < utf8.length; i++) {
      reversed[i] = utf8[utf8.length - 1 - i];
    }
    assertEquals(java.util.Base64.getEncoder().encodeToString(reversed), out.get("bytes").asText());
    assertTrue(out.get("none").isNull(), out.toString());
  }

  @Test
  void aSubFlowsInputConstraintsHoldForItsCallers() throws Exception {
    Files.writeString(dir.resolve("short.yaml"), String.join("\n",
        "flow: short",
        "components: { greet: '" + COMPONENTS.resolve("greet/greet.wasm") + "' }",
        "input: { name: { type: string, max-bytes: 4 } }",
        "nodes: { hello: { call: greet.greet, with: { name: $input.name } } }",
        "output: { greeting: $hello }") + "\n");
    LoadedFlow f =
        flow(
            "flow: caller",
            "input: { name: string }",
            "nodes:",
            "  sub: { flow: short.yaml, with: { name: $input.name } }",
            "  safe: { flow: short.yaml, with: { name: $input.name }, fallback: { greeting: none } }",
            "output: { greeting: $sub.greeting, safe: $safe.greeting }");
    assertEquals("Hello, Ada!", json(run(f, "{\"name\": \"Ada\"}")).get("greeting").asText());
    RunException e = failure(f, "{\"name\": \"Adalbert\"}");
    assertEquals(ErrorKind.VALUE, e.kind());
    assertTrue(e.getMessage().contains("sub-flow `short`: input `name`"), e.getMessage());
    assertTrue(e.getMessage().contains("max-bytes: 4"), e.getMessage());
  }

  @Test
  void indexPastTheEndOfAListFailsTheRunWithAValueError() throws Exception {
    LoadedFlow f =
        flow(
            "flow: each",
            "components: { greet: '@greet/greet.wasm' }",
            "input: { names: list<string> }",
            "nodes:",
            "  hello: { call: greet.greet, for-each: $input.names, with: { name: $item } }",
            "output: { first: '$hello[0]' }");
    RunException e = failure(f, "{\"names\": []}");
    assertEquals(ErrorKind.VALUE, e.kind());
    assertTrue(e.getMessage().contains("`$hello[0]`: index out of range, the list has 0 elements"), e.getMessage());
  }

  @Test
  void whenFalseSkipsTheNodeAndDownstreamSeesNone() throws Exception {
    LoadedFlow f =
        flow(
            "flow: maybe",
            "components: { greet: '@greet/greet.wasm' }",
            "input: { name: string, loud: bool }",
            "nodes:",
            "  hello: { call: greet.greet, with: { name: $input.name } }",
            "  loud: { call: greet.shout, with: { text: $hello }, when: $input.loud }",
            "output: { loud: $loud }");
    assertEquals("HELLO, ANA!", json(run(f, "{\"name\": \"Ana\", \"loud\": true}")).get("loud").asText());
    assertTrue(json(run(f, "{\"name\": \"Ana\", \"loud\": false}")).get("loud").isNull());
  }

  @Test
  void aTrapNamesTheNodeAndFunctionAndTheNextRunWorks() throws Exception {
    LoadedFlow f =
        flow(
            "flow: trap",
            "components: { bad: '@hostile/hostile.wasm' }",
            "nodes:",
            "  lie: { call: bad.string-out-of-bounds }",
            "  fine: { call: bad.ok }",
            "output: { lie: $lie, fine: $fine }");
    RunException e = failure(f, "{}");
    assertEquals(ErrorKind.TRAP, e.kind());
    assertEquals("lie", e.node().orElseThrow());
    assertEquals("string-out-of-bounds", e.function().orElseThrow());
    LoadedFlow ok = flow("flow: ok", "components: { bad: '@hostile/hostile.wasm' }",
        "nodes: { fine: { call: bad.ok } }", "output: { fine: $fine }");
    assertEquals(42, json(run(ok, "{}")).get("fine").asInt());
  }

  @Test
  void fallbackGivesTheValueOfAFailedCall() throws Exception {
    LoadedFlow f =
        flow(
            "flow: fallback",
            "components: { bad: '@hostile/hostile.wasm', greet: '@greet/greet.wasm' }",
            "nodes:",
            "  lie: { call: bad.string-out-of-bounds, fallback: 'no text' }",
            "  loud: { call: greet.shout, with: { text: $lie } }",
            "output: { loud: $loud }");
    assertEquals("NO TEXT", json(run(f, "{}")).get("loud").asText());
  }

  @Test
  void retryTriesAgainBeforeFailing() throws Exception {
    LoadedFlow f =
        flow(
            "flow: retry",
            "components: { bad: '@hostile/hostile.wasm' }",
            "nodes:",
            "  lie: { call: bad.char-surrogate, retry: { attempts: 3, backoff: 10ms } }",
            "output: { lie: $lie }");
    long t0 = System.nanoTime();
    RunException e = failure(f, "{}");
    assertEquals(ErrorKind.TRAP, e.kind());
    // Three attempts, with waits of 10 ms and 20 ms between them.
    assertTrue(System.nanoTime() - t0 >= 30_000_000L);
  }

  @Test
  void aDeadlineInterruptsARunawayCall() throws Exception {
    LoadedFlow f =
        flow(
            "flow: deadline",
            "components: { spin: '@spin/spin.wasm' }",
            "nodes:",
            "  stuck: { call: spin.forever, timeout: 200ms }",
            "output: { stuck: $stuck }");
    RunException e = failure(f, "{}");
    assertEquals(ErrorKind.TIMEOUT, e.kind());
    assertEquals("stuck", e.node().orElseThrow());
    LoadedFlow ok = flow("flow: ok", "components: { spin: '@spin/spin.wasm' }",
        "nodes: { w: { call: spin.work, with: { seed: 1, rounds: 1000 } } }", "output: { w: $w }");
    assertEquals("6896177209467639429", json(run(ok, "{}")).get("w").asText());
  }

  @Test
  void aDeadlineInterruptsARunawayCallWhoseChecksAreGated() throws Exception {
    // The default on JDK 17 is Endive's own check; the gate is tested here on every JDK.
    String before = System.getProperty(LoadOptions.GATE_PROPERTY);
    System.setProperty(LoadOptions.GATE_PROPERTY, "true");
    try (Engine gated = Engine.create(EngineOptions.defaults().withWorkerThreads(2))) {
      LoadedFlow f = flow(gated, "flow: deadline", "components: { spin: '@spin/spin.wasm' }",
          "nodes: { stuck: { call: spin.forever, timeout: 300ms } }", "output: { stuck: $stuck }");
      for (int round = 0; round < 2; round++) {
        ExecutionException e =
            assertThrows(
                ExecutionException.class,
                () -> gated.run(f, JSON.readTree("{}")).toCompletionStage().toCompletableFuture()
                    .get(30, java.util.concurrent.TimeUnit.SECONDS));
        RunException r = assertInstanceOf(RunException.class, e.getCause());
        assertEquals(ErrorKind.TIMEOUT, r.kind());
        assertEquals("stuck", r.node().orElseThrow());
      }
    } finally {
      if (before == null) {
        System.clearProperty(LoadOptions.GATE_PROPERTY);
      } else {
        System.setProperty(LoadOptions.GATE_PROPERTY, before);
      }
    }
  }

  @Test
  void inputsAreCheckedAgainstTheirTypes() throws Exception {
    LoadedFlow f =
        flow(
            "flow: typed",
            "components: { spin: '@spin/spin.wasm' }",
            "input: { seeds: list<u64> }",
            "nodes: { w: { call: spin.work, for-each: $input.seeds, with: { seed: $item, rounds: 1 } } }",
            "output: { w: $w }");
    RunException e = failure(f, "{\"seeds\": [1, -2]}");
    assertEquals(ErrorKind.TYPE, e.kind());
    assertTrue(e.getMessage().contains("$input.seeds[1]"), e.getMessage());
    assertEquals(List.of(), e.node().stream().toList());
  }

  @Test
  void inputsThatBreakTheirConstraintsFailBeforeAnyNodeRuns() throws Exception {
    LoadedFlow f =
        flow(
            "flow: limited",
            "components: { spin: '@spin/spin.wasm', greet: '@greet/greet.wasm' }",
            "input: { seeds: { type: list<u64>, max-items: 2 }, name: { type: string, max-bytes: 4 } }",
            "nodes:",
            "  w: { call: spin.work, for-each: $input.seeds, with: { seed: $item, rounds: 1 } }",
            "  hi: { call: greet.greet, with: { name: $input.name } }",
            "output: { w: $w, hi: $hi }");
    assertEquals("Hello, €a!", json(run(f, "{\"seeds\": [1, 2], \"name\": \"€a\"}")).get("hi").asText());
    RunException e = failure(f, "{\"seeds\": [1, 2, 3], \"name\": \"x\"}");
    assertEquals(ErrorKind.LIMIT, e.kind());
    assertTrue(e.inputError());
    assertEquals("flow `limited`: input `seeds` has 3 elements, more than its `max-items: 2`", e.getMessage());
    assertEquals("max-items", e.violation().orElseThrow().constraint());
    assertEquals(List.of(), e.node().stream().toList());
    // the typed entry point checks them too: embedding callers get the same error
    RunException typed = assertInstanceOf(RunException.class, assertThrows(ExecutionException.class,
        () -> engine.run(f, Map.of("seeds", WitValue.ListValue.of(), "name", new WitValue.Str("é€")))
            .toCompletionStage().toCompletableFuture().get()).getCause());
    assertEquals("input `name` is 5 bytes long, more than its `max-bytes: 4`", typed.detail());
  }

  @Test
  void aResettingPoolGivesEveryRunAFreshInstance() throws Exception {
    LoadedFlow kept = flow("flow: kept", "components: { spin: { wasm: '@spin/spin.wasm', pool: { max: 1 } } }",
        "nodes: { n: { call: spin.counter } }", "output: { n: $n }");
    assertEquals(List.of(1, 2, 3), List.of(count(kept), count(kept), count(kept)));
    LoadedFlow reset = flow("flow: reset",
        "components: { spin: { wasm: '@spin/spin.wasm', pool: { max: 1, reset: true } } }",
        "nodes: { n: { call: spin.counter } }", "output: { n: $n }");
    assertEquals(List.of(1, 1, 1), List.of(count(reset), count(reset), count(reset)));
  }

  @Test
  void aFailingRunStopsItsSubFlowsRunningCalls() throws Exception {
    Files.writeString(dir.resolve("stuck.yaml"), String.join("\n",
        "flow: stuck",
        "components: { spin: '" + COMPONENTS.resolve("spin/spin.wasm") + "' }",
        "nodes: { s: { call: spin.forever, timeout: 30s } }",
        "output: { s: $s }") + "\n");
    LoadedFlow f =
        flow(
            "flow: parent",
            "components: { bad: '@hostile/hostile.wasm' }",
            "nodes:",
            "  sub: { flow: stuck.yaml }",
            // fails after its retry's 300 ms, while the sub-flow's call spins
            "  lie: { call: bad.char-surrogate, retry: { attempts: 2, backoff: 300ms } }",
            "output: { sub: $sub, lie: $lie }");
    long t0 = System.nanoTime();
    RunException e = failure(f, "{}");
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(ErrorKind.TRAP, e.kind());
    assertEquals("lie", e.node().orElseThrow());
    assertTrue(millis < 10_000, "the sub-flow's call was interrupted, not waited for: " + millis + " ms");
  }

  @Test
  void aFullPoolFailsTheCallAsBusy() throws Exception {
    try (Engine strict = Engine.create(EngineOptions.defaults().withWorkerThreads(2).withQueueLimit(0))) {
      LoadedFlow f = flow(strict,
          "flow: busy",
          "components: { spin: { wasm: '@spin/spin.wasm', pool: { max: 1 } } }",
          "nodes:",
          "  a: { call: spin.forever, timeout: 2s }",
          "  b: { call: spin.forever, timeout: 2s }",
          "output: { a: $a, b: $b }");
      try {
        strict.run(f, JSON.readTree("{}")).toCompletionStage().toCompletableFuture().get();
        throw new AssertionError("the run should have failed");
      } catch (ExecutionException x) {
        RunException e = assertInstanceOf(RunException.class, x.getCause());
        assertEquals(ErrorKind.BUSY, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("component `spin` is busy: 1 instances running and 0 calls waiting"),
            e.getMessage());
      }
    }
  }

  @Test
  void closingAFlowReleasesItsInstancesAndRunsInFlightFinish() throws Exception {
    LoadedFlow f = flow("flow: closing", "components: { spin: { wasm: '@spin/spin.wasm', pool: { max: 2 } } }",
        "nodes: { w: { call: spin.work, with: { seed: 1, rounds: 300000000 } } }", "output: { w: $w }");
    java.util.concurrent.CompletableFuture<RunResult> slow =
        engine.run(f, JSON.readTree("{}")).toCompletionStage().toCompletableFuture();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (f.poolStats().get("spin").live() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    f.close();
    assertTrue(slow.get().values().get(0) instanceof dev.weft.wit.value.WitValue.U64, "the run in flight finished");
    assertEquals(new PoolStats(2, 0, 0, 0), f.poolStats().get("spin"), "its instance was closed");
    run(f, "{}");
    assertEquals(new PoolStats(2, 0, 0, 0), f.poolStats().get("spin"), "a later run keeps no instance");
    f.close(); // again: nothing happens
  }

  private static int count(LoadedFlow f) throws Exception {
    return json(run(f, "{}")).get("n").asInt();
  }

  private static NodeTrace trace(RunResult r, String node) {
    return r.trace().stream().filter(t -> t.node().equals(node)).findFirst().orElseThrow();
  }
}
