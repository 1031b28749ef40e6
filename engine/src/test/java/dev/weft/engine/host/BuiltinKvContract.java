package dev.weft.engine.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.engine.Engine;
import dev.weft.engine.ErrorKind;
import dev.weft.engine.LoadedFlow;
import dev.weft.engine.RunException;
import dev.weft.engine.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in KV nodes in flows, the same on every backend: each subclass gives an engine on its
 * store. Keys are unique per test, so a shared Redis needs no flushing.
 */
abstract class BuiltinKvContract {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path COMPONENTS = Path.of("").toAbsolutePath().getParent().resolve("examples/components");

  @TempDir Path dir;

  /** An engine whose KV is the backend under test. */
  abstract Engine engine();

  LoadedFlow flow(String... lines) throws IOException {
    Path file = Files.createTempFile(dir, "flow", ".yaml");
    Files.writeString(file, String.join("\n", lines).replace("@", COMPONENTS + "/") + "\n");
    return engine().load(file);
  }

  RunResult run(LoadedFlow f, String input) throws Exception {
    return engine().run(f, JSON.readTree(input)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  JsonNode json(LoadedFlow f, String input) throws Exception {
    return JSON.readTree(run(f, input).toJson().toString());
  }

  RunException failure(LoadedFlow f, String input) throws Exception {
    try {
      run(f, input);
    } catch (ExecutionException e) {
      return assertInstanceOf(RunException.class, e.getCause());
    }
    throw new AssertionError("the run should have failed");
  }

  static String unique() {
    return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  @Test
  void everyKvFunctionAsANode() throws Exception {
    String p = unique();
    LoadedFlow write = flow(
        "flow: write",
        "input: { p: string }",
        "nodes:",
        "  n:    { call: kv.increment, with: { bucket: users, key: $input.p, delta: 41 } }",
        "  a:    { call: kv.set, with: { bucket: users, key: '" + p + "-a', value: aGk=, ttl-ms: null } }",
        "  b:    { call: kv.set, with: { bucket: users, key: '" + p + "-b', value: [1, 2, 3], ttl-ms: 60000 } }",
        "  c:    { call: kv.set, with: { bucket: other, key: '" + p + "-c', value: [], ttl-ms: null } }",
        "output: { n: $n }");
    assertEquals(41, json(write, "{\"p\": \"" + p + "\"}").get("n").asLong());
    LoadedFlow read = flow(
        "flow: read",
        "input: { p: string, key: string }",
        "nodes:",
        "  n:    { call: kv.increment, with: { bucket: users, key: $input.p, delta: 1 } }",
        "  v:    { call: kv.get, with: { bucket: users, key: $input.key } }",
        "  keys: { call: kv.keys, with: { bucket: users, prefix: $input.p, limit: 100 } }",
        "  none: { call: kv.get, with: { bucket: users, key: nobody-has-this-key } }",
        "output: { n: $n, v: $v, keys: $keys, none: $none }");
    JsonNode r = json(read, "{\"p\": \"" + p + "\", \"key\": \"" + p + "-b\"}");
    assertEquals(42, r.get("n").asLong());
    assertEquals("AQID", r.get("v").asText());
    assertTrue(r.get("none").isNull());
    List<String> keys = new ArrayList<>();
    r.get("keys").forEach(k -> keys.add(k.asText()));
    assertEquals(List.of(p, p + "-a", p + "-b"), keys.stream().sorted().toList(), "bucket `other` is apart");
    LoadedFlow delete = flow(
        "flow: delete",
        "input: { key: string }",
        "nodes:",
        "  gone: { call: kv.delete, with: { bucket: users, key: $input.key } }",
        "output: { gone: $gone }");
    assertTrue(json(delete, "{\"key\": \"" + p + "-a\"}").get("gone").asBoolean());
    assertFalse(json(delete, "{\"key\": \"" + p + "-a\"}").get("gone").asBoolean());
  }

  @Test
  void incrementOfTextIsAHostErrorThatAFallbackHandles() throws Exception {
    String k = unique();
    LoadedFlow f = flow(
        "flow: text",
        "input: { k: string }",
        "nodes:",
        "  set: { call: kv.set, with: { bucket: b, key: $input.k, value: aGk=, ttl-ms: null } }",
        "output: { k: $input.k }");
    run(f, "{\"k\": \"" + k + "\"}");
    LoadedFlow inc = flow(
        "flow: inc",
        "input: { k: string }",
        "nodes:",
        "  n: { call: kv.increment, with: { bucket: b, key: $input.k, delta: 1 } }",
        "output: { n: $n }");
    RunException e = failure(inc, "{\"k\": \"" + k + "\"}");
    assertEquals(ErrorKind.HOST, e.kind());
    assertEquals("not-an-integer", e.detail());
    LoadedFlow safe = flow(
        "flow: safe",
        "input: { k: string }",
        "nodes:",
        "  n: { call: kv.increment, with: { bucket: b, key: $input.k, delta: 1 }, fallback: 0 }",
        "output: { n: $n }");
    assertEquals(0, json(safe, "{\"k\": \"" + k + "\"}").get("n").asLong());
  }

  @Test
  void aTtlExpiresTheKey() throws Exception {
    String k = unique();
    LoadedFlow set = flow(
        "flow: ttl",
        "input: { k: string }",
        "nodes:",
        "  set: { call: kv.set, with: { bucket: b, key: $input.k, value: aGk=, ttl-ms: 150 } }",
        "  get: { call: kv.get, with: { bucket: b, key: $input.k } }",
        "output: { get: $get }");
    run(set, "{\"k\": \"" + k + "\"}");
    LoadedFlow get = flow(
        "flow: get",
        "input: { k: string }",
        "nodes:",
        "  get: { call: kv.get, with: { bucket: b, key: $input.k } }",
        "output: { get: $get }");
    assertEquals("aGk=", json(get, "{\"k\": \"" + k + "\"}").get("get").asText());
    Thread.sleep(400);
    assertTrue(json(get, "{\"k\": \"" + k + "\"}").get("get").isNull());
  }
}
