package dev.weft.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP API end to end on a real server on loopback: every status it answers, as problem
 * details, and after each error the server still serves (checked after every test).
 */
class HttpApiTest {
  private static WeftServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    // queue-limit 0: a call that finds every instance busy is refused at once (503)
    server = WeftServer.start(Http.options(List.of(Http.FLOWS)).withQueueLimit(0).withMaxBodyBytes(4096)
        .withHttpMetrics(true), s -> {});
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @AfterEach
  void stillServes() {
    Http.Response r = http.post("/flows/hello", "{\"name\": \"again\"}");
    assertEquals(200, r.status(), r.text());
    assertEquals("Hello, again!", r.json().get("greeting").asText());
  }

  @Test
  void runsAFlowAsJsonInJsonOut() {
    Http.Response r = http.post("/flows/hello", "{\"name\": \"World\"}");
    assertEquals(200, r.status());
    assertEquals("application/json", r.contentType());
    assertEquals("{\"greeting\":\"Hello, World!\",\"shouted\":\"HELLO, WORLD!\",\"length\":13}", r.text());
  }

  @Test
  void listsFlowsWithTypedInputsAndOutputs() {
    JsonNode flows = http.get("/flows").json().get("flows");
    assertEquals(6, flows.size());
    JsonNode hello = flows.get(0); // sorted by name
    assertEquals("hello", hello.get("name").asText());
    assertEquals("string", hello.get("input").get("name").asText());
    assertEquals("u32", hello.get("output").get("length").asText());
    assertEquals("weft.flow.hello", hello.get("address").asText());
    assertEquals("GET /inc/{who}", flows.get(1).get("route").asText());
  }

  @Test
  void describesOneFlowWithItsSignatureAndGraph() {
    JsonNode d = http.get("/flows/hello").json();
    assertEquals("func(name: string) -> record { greeting: string, shouted: string, length: u32 }",
        d.get("signature").asText());
    assertTrue(d.get("graph").asText().contains("hello"), d.get("graph").asText());
    assertEquals("string", d.get("inputSchema").get("properties").get("name").get("type").asText());
  }

  @Test
  void malformedJsonIs400() {
    Http.Response r = http.post("/flows/hello", "{\"name\": ");
    assertProblem(r, 400, "urn:weft:problem:malformed-json");
    assertTrue(r.json().get("detail").asText().contains("line 1"), r.text());
  }

  @Test
  void inputOfTheWrongTypeIs400WithThePathAndTheExpectedType() {
    Http.Response r = http.post("/flows/hello", "{\"name\": [1]}");
    assertProblem(r, 400, "urn:weft:problem:bad-input");
    assertEquals("$.name", r.json().get("path").asText());
    assertEquals("string", r.json().get("expected").asText());
    assertEquals("name", r.json().get("input").asText());
  }

  @Test
  void missingAndUnknownInputsAre400() {
    assertProblem(http.post("/flows/hello", "{}"), 400, "urn:weft:problem:bad-input");
    assertProblem(http.post("/flows/hello", "{\"name\": \"a\", \"nmae\": 1}"), 400, "urn:weft:problem:bad-input");
    Http.Response misspelt = http.post("/flows/hello", "{\"nmae\": \"a\"}");
    assertProblem(misspelt, 400, "urn:weft:problem:bad-input");
    assertTrue(misspelt.json().get("detail").asText().startsWith("unknown input `nmae`; did you mean `name`?"),
        misspelt.json().toString());
    assertProblem(http.post("/flows/hello", "[]"), 400, "urn:weft:problem:bad-input");
  }

  @Test
  void unknownFlowIs404ListingTheFlows() {
    Http.Response r = http.post("/flows/nope", "{}");
    assertProblem(r, 404, "urn:weft:problem:no-such-flow");
    assertEquals("hello", r.json().get("flows").get(0).asText());
    assertProblem(http.get("/flows/nope"), 404, "urn:weft:problem:no-such-flow");
    assertProblem(http.get("/nothing/here"), 404, "urn:weft:problem:not-found");
  }

  @Test
  void bodyOverTheLimitIs413() {
    String big = "{\"name\": \"" + "x".repeat(5000) + "\"}";
    assertProblem(http.post("/flows/hello", big), 413, "urn:weft:problem:body-too-large");
  }

  @Test
  void trapIs500WithTheStructuredError() {
    Http.Response r = http.post("/flows/trap", "{}");
    assertProblem(r, 500, "urn:weft:problem:trap");
    JsonNode p = r.json();
    assertEquals("trap", p.get("kind").asText());
    assertEquals("bad", p.get("node").asText());
    assertEquals("h", p.get("component").asText());
    assertEquals("string-out-of-bounds", p.get("function").asText());
  }

  @Test
  void timeoutIs504AndABusyPoolIs503() {
    CompletableFuture<Http.Response> first = http.postAsync("/flows/spin", "{\"n\": 1}");
    Http.Response second = null;
    for (int i = 0; i < 40 && second == null; i++) { // until the first call holds the only instance
      if (first.isDone() && first.join().status() == 503) {
        // it reached the server after a call below took the instance (a cold client connects
        // slowly): send it again
        first = http.postAsync("/flows/spin", "{\"n\": 1}");
      }
      Http.Response r = http.post("/flows/spin", "{\"n\": 2}");
      if (r.status() == 503) {
        second = r;
      }
    }
    assertTrue(second != null, "a second call to a one-instance pool with no queue should be refused");
    assertProblem(second, 503, "urn:weft:problem:busy");
    assertEquals("busy", second.json().get("kind").asText());
    assertEquals("1", second.header("retry-after"));
    Http.Response r = first.join();
    assertProblem(r, 504, "urn:weft:problem:timeout");
    assertEquals("forever", r.json().get("node").asText());
  }

  @Test
  void declaredRouteTakesTheRawBodyAndAnswersRawBytes() {
    byte[] data = {1, 2, 3, (byte) 0xff};
    Http.Response r = http.post("/reverse", data);
    assertEquals(200, r.status(), r.text());
    assertEquals("application/octet-stream", r.contentType());
    assertArrayEquals(new byte[] {(byte) 0xff, 3, 2, 1}, r.body());
  }

  @Test
  void declaredRouteReadsPathQueryAndHeaderAsTypedInputs() {
    Http.Response r = http.get("/inc/Ann%20Lee?x=41", Map.of("x-token", "t0k"));
    assertEquals(200, r.status(), r.text());
    assertEquals("{\"next\":42,\"greeting\":\"Hello, Ann Lee!\",\"token\":\"t0k\"}", r.text());
    Http.Response noToken = http.get("/inc/Bo?x=1");
    assertEquals("{\"next\":2,\"greeting\":\"Hello, Bo!\",\"token\":null}", noToken.text());
  }

  @Test
  void declaredRouteRejectsBadParametersAndOtherMethods() {
    Http.Response notNumber = http.get("/inc/Bo?x=many");
    assertProblem(notNumber, 400, "urn:weft:problem:bad-input");
    assertEquals("u32", notNumber.json().get("expected").asText());
    assertProblem(http.get("/inc/Bo?x=-1"), 400, "urn:weft:problem:bad-input");
    assertProblem(http.get("/inc/Bo"), 400, "urn:weft:problem:bad-input");
    assertProblem(http.post("/inc/Bo", "{}"), 405, "urn:weft:problem:method-not-allowed");
  }

  @Test
  void inputsThatBreakTheirConstraintsAre400NamingTheInputAndTheLimit() {
    Http.Response big = http.get("/inc/Bo?x=1001");
    assertProblem(big, 400, "urn:weft:problem:bad-input");
    assertEquals("input `x` is 1001, more than its `max: 1000`", big.json().get("detail").asText());
    assertEquals("x", big.json().get("input").asText());
    assertEquals("$.x", big.json().get("path").asText());
    assertEquals("max", big.json().get("constraint").asText());
    assertEquals(1000, big.json().get("limit").asInt());
    assertEquals("limit", big.json().get("kind").asText());
    Http.Response longName = http.get("/inc/Bartholomew?x=1");
    assertProblem(longName, 400, "urn:weft:problem:bad-input");
    assertEquals("max-bytes", longName.json().get("constraint").asText());
    assertEquals("input `who` is 11 bytes long, more than its `max-bytes: 8`",
        longName.json().get("detail").asText());
    assertProblem(http.get("/inc/%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9?x=1"), 400, "urn:weft:problem:bad-input"); // 10 bytes
    assertEquals(200, http.get("/inc/%C3%A9%C3%A9%C3%A9%C3%A9?x=1000").status()); // 8 bytes, at the limit
    assertProblem(http.post("/reverse", new byte[17]), 400, "urn:weft:problem:bad-input");
    assertEquals(200, http.post("/reverse", new byte[16]).status());
    Http.Response json = http.post("/flows/inc", "{\"who\": \"Bo\", \"x\": 5000}");
    assertProblem(json, 400, "urn:weft:problem:bad-input");
    assertEquals("x", json.json().get("input").asText());
  }

  @Test
  void healthAndMetrics() {
    assertEquals("UP", http.get("/health/live").json().get("status").asText());
    assertEquals("UP", http.get("/health/ready").json().get("status").asText());
    http.post("/flows/hello", "{\"name\": \"m\"}");
    String metrics = http.get("/metrics").text();
    assertTrue(metrics.contains("weft_runs_total{flow=\"hello\",outcome=\"ok\"}"), metrics);
    assertTrue(metrics.contains("weft_run_duration_seconds_bucket{flow=\"hello\""), metrics);
    assertTrue(metrics.contains("weft_node_duration_seconds_count{flow=\"hello\",node=\"loud\"}"), metrics);
    assertTrue(metrics.contains("weft_pool_instances{component=\"greet\",flow=\"hello\",state=\"max\"}"), metrics);
    assertTrue(metrics.contains("vertx_http_server_requests_total"), metrics); // --http-metrics
    http.post("/flows/trap", "{}");
    assertTrue(http.get("/metrics").text().contains("weft_node_errors_total{flow=\"trap\",kind=\"trap\",node=\"bad\"}"));
  }

  @Test
  void oneHttpVerticlePerCoreSharesTheFreePortTheFirstGot() {
    assertEquals(WeftServer.HTTP_INSTANCES, server.httpPorts().size());
    assertEquals(java.util.Set.of(server.port()), java.util.Set.copyOf(server.httpPorts()));
  }

  @Test
  void openApiDescribesEveryFlowAndRoute() {
    JsonNode doc = http.get("/openapi.json").json();
    assertEquals("3.1.0", doc.get("openapi").asText());
    JsonNode paths = doc.get("paths");
    assertTrue(paths.has("/flows/hello"));
    JsonNode inc = paths.get("/inc/{who}").get("get");
    assertEquals("x", inc.get("parameters").get(1).get("name").asText());
    assertEquals(1000, inc.get("parameters").get(1).get("schema").get("maximum").asLong()); // x: {max: 1000}
    assertEquals(8, inc.get("parameters").get(0).get("schema").get("x-max-bytes").asInt());
    assertEquals(16, paths.get("/flows/reverse").get("post").get("requestBody").get("content")
        .get("application/json").get("schema").get("properties").get("data").get("x-max-bytes").asInt());
    assertEquals("binary", paths.get("/reverse").get("post").get("responses").get("200")
        .get("content").get("application/octet-stream").get("schema").get("format").asText());
  }

  private static void assertProblem(Http.Response r, int status, String type) {
    assertEquals(status, r.status(), r.text());
    assertEquals(Problem.MEDIA_TYPE, r.contentType());
    assertEquals(type, r.json().get("type").asText(), r.text());
    assertEquals(status, r.json().get("status").asInt());
  }
}
