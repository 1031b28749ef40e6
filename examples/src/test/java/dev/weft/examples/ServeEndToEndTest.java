package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code weft serve} as a user runs it, through the launcher: the same input gives the same
 * output from {@code weft run}, from {@code POST /flows/{name}} and from an event-bus request
 * (sent by a separate Vert.x instance in the cluster); SIGTERM stops it cleanly.
 */
class ServeEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ServeProcess serve;
  private static Vertx client;
  private static WeftClient weft;

  @BeforeAll
  static void start() throws Exception {
    int node = ServeProcess.freePort();
    int mine = ServeProcess.freePort();
    String members = "127.0.0.1:" + node + ",127.0.0.1:" + mine;
    serve = ServeProcess.start(ServeProcess.freePort(), "examples/flows", "--cluster",
        "--cluster-port", String.valueOf(node), "--members", members);
    try {
      client = ClusterClient.join(mine, List.of(members.split(",")));
      serve.awaitReady(Duration.ofSeconds(90));
      weft = new WeftClient(client, 10_000);
      awaitHandler("hello");
    } catch (Throwable t) {
      stop();
      throw t;
    }
  }

  /** The client learns the node's consumers through the cluster a moment after it is ready. */
  private static void awaitHandler(String flow) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      try {
        weft.run(flow, new JsonObject().put("name", "probe")).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return;
      } catch (Exception notYet) {
        Thread.sleep(200);
      }
    }
    throw new AssertionError("no handler for weft.flow." + flow + ":\n" + serve.log());
  }

  @AfterAll
  static void stop() throws Exception {
    ClusterClient.close(client);
    if (serve != null) {
      serve.close();
    }
  }

  @Test
  void runHttpAndEventBusGiveTheSameOutputForEveryExampleCase() throws Exception {
    List<Path> casesFiles;
    try (Stream<Path> s = Files.list(Cli.ROOT.resolve("examples/flows"))) {
      casesFiles = s.filter(p -> p.toString().endsWith(".cases.json")).sorted().toList();
    }
    int checked = 0;
    for (Path cases : casesFiles) {
      String flowFile = "examples/flows/" + cases.getFileName().toString().replace(".cases.json", ".yaml");
      String name = flowName(Cli.ROOT.resolve(flowFile));
      if (java.util.regex.Pattern.compile("\\bkv[:.]").matcher(Files.readString(Cli.ROOT.resolve(flowFile))).find()) {
        continue; // a flow that keeps state in KV answers differently on each call, by design
      }
      for (JsonNode c : JSON.readTree(cases.toFile())) {
        String input = JSON.writeValueAsString(c.get("input"));
        Cli.Result run = Cli.weft("run", flowFile, "--input", input);
        assertEquals(0, run.exit(), run.err());
        JsonNode fromRun = JSON.readTree(run.out());

        HttpResponse<String> http = serve.post("/flows/" + name, input);
        assertEquals(200, http.statusCode(), http.body());
        JsonNode fromHttp = JSON.readTree(http.body());

        JsonObject reply = weft.run(name, new JsonObject(input)).toCompletionStage().toCompletableFuture()
            .get(20, TimeUnit.SECONDS);
        JsonNode fromBus = JSON.readTree(reply.encode());

        assertEquals(c.get("output"), fromRun, "weft run " + input);
        assertEquals(fromRun, fromHttp, "POST /flows/" + name + " " + input);
        assertEquals(fromRun, fromBus, "weft.flow." + name + " " + input);
        checked++;
      }
    }
    assertTrue(checked >= 3, "cases checked: " + checked);
  }

  @Test
  void errorsAreProblemDetailsOverHttpAndTheEventBus() throws Exception {
    HttpResponse<String> bad = serve.post("/flows/hello", "{\"name\": 1}");
    assertEquals(400, bad.statusCode());
    assertEquals("$.name", JSON.readTree(bad.body()).get("path").asText());
    try {
      weft.run("hello", new JsonObject().put("name", 1)).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      throw new AssertionError("a bad input must fail");
    } catch (java.util.concurrent.ExecutionException e) {
      WeftClient.FlowFailure f = (WeftClient.FlowFailure) e.getCause();
      assertEquals(400, f.status());
      assertEquals("string", f.problem().getString("expected"));
    }
  }

  @Test
  void theQrRouteAnswers400ForAMissingEmptyOrOverlongText() throws Exception {
    HttpResponse<String> missing = serve.get("/qrcode");
    assertEquals(400, missing.statusCode());
    assertTrue(JSON.readTree(missing.body()).get("detail").asText().contains("missing query parameter `text`"),
        missing.body());
    HttpResponse<String> empty = serve.get("/qrcode?text=");
    assertEquals(400, empty.statusCode());
    assertEquals("min-bytes", JSON.readTree(empty.body()).get("constraint").asText());
    // 171 euro signs: 171 characters but 513 bytes of UTF-8
    HttpResponse<String> tooLong = serve.get("/qrcode?text=" + "%E2%82%AC".repeat(171));
    assertEquals(400, tooLong.statusCode());
    JsonNode problem = JSON.readTree(tooLong.body());
    assertEquals("urn:weft:problem:bad-input", problem.get("type").asText());
    assertEquals("text", problem.get("input").asText());
    assertEquals("max-bytes", problem.get("constraint").asText());
    assertEquals(512, problem.get("limit").asInt());
    assertEquals("input `text` is 513 bytes long, more than its `max-bytes: 512`", problem.get("detail").asText());
    HttpResponse<String> atTheLimit = serve.get("/qrcode?text=" + "a".repeat(512));
    assertEquals(200, atTheLimit.statusCode());
    assertEquals("image/png", atTheLimit.headers().firstValue("content-type").orElse(""));
  }

  @Test
  void weftRunRejectsAnOverlongTextWithExitCode2() throws Exception {
    Cli.Result r = Cli.weft("run", "examples/flows/qrcode.yaml", "--input", "text=" + "a".repeat(513));
    assertEquals(2, r.exit(), r.err());
    assertEquals("weft: flow `qrcode`: input `text` is 513 bytes long, more than its `max-bytes: 512`\n", r.err());
  }

  @Test
  void sigtermDrainsAndExits() throws Exception {
    try (ServeProcess other = ServeProcess.start(ServeProcess.freePort(), "examples/flows/hello.yaml", "--drain", "3000")) {
      other.awaitReady(Duration.ofSeconds(90));
      assertEquals(200, other.post("/flows/hello", "{\"name\": \"x\"}").statusCode());
      int exit = other.terminate(Duration.ofSeconds(20));
      assertEquals(143, exit, other.log()); // 128 + SIGTERM, after the shutdown hook has drained
      assertTrue(other.log().contains("weft: stopped"), other.log());
      // Start-up and shutdown print Weft's own lines only: no library warnings (Micrometer's
      // duplicate-gauge one appeared on every start once there was one HTTP verticle per core).
      assertFalse(other.log().contains("WARNING"), other.log());
    }
  }

  @Test
  void aBrokenFlowStopsStartUpWithItsDiagnosticsAndExitCode2() throws Exception {
    Cli.Result r = Cli.weft("serve", "examples/flows/nope.yaml", "--port", "0");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("error[FLOW0000]: flow file `examples/flows/nope.yaml` does not exist"), r.err());
  }

  private static String flowName(Path flow) throws java.io.IOException {
    for (String line : Files.readAllLines(flow)) {
      if (line.startsWith("flow:")) {
        return line.substring(5).strip();
      }
    }
    throw new AssertionError("no `flow:` in " + flow);
  }
}
