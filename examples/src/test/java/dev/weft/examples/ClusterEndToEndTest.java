package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Three {@code weft serve --cluster} processes on 127.0.0.1 and a client Vert.x in the cluster:
 * requests are spread over the nodes (event-bus round robin), and when one node is killed
 * (SIGKILL, no goodbye) mid-load, every request still ends, as a success or a clear failure
 * within its timeout, and the two survivors serve all the requests that follow.
 */
class ClusterEndToEndTest {
  private static final int REQUESTS = 400;
  private static final int KILL_AT = 120;
  private static final int WINDOW = 8;
  private static final long TIMEOUT_MILLIS = 5_000;
  private static final Pattern RUNS = Pattern.compile("weft_runs_total\\{flow=\"hello\",outcome=\"ok\",} ([0-9.]+)|weft_runs_total\\{flow=\"hello\",outcome=\"ok\"} ([0-9.]+)");

  /** What happened to one request. */
  private record Outcome(int index, boolean ok, String failure, long millis) {}

  @Test
  void aKilledNodeLosesNoRequest() throws Exception {
    int[] cluster = {ServeProcess.freePort(), ServeProcess.freePort(), ServeProcess.freePort()};
    int mine = ServeProcess.freePort();
    List<String> members = new ArrayList<>();
    for (int p : cluster) {
      members.add("127.0.0.1:" + p);
    }
    members.add("127.0.0.1:" + mine);
    List<ServeProcess> nodes = new ArrayList<>();
    Vertx client = null;
    try {
      for (int p : cluster) {
        nodes.add(ServeProcess.start(ServeProcess.freePort(), "examples/flows/hello.yaml", "--cluster",
            "--cluster-port", String.valueOf(p), "--members", String.join(",", members)));
      }
      client = ClusterClient.join(mine, members);
      for (ServeProcess n : nodes) {
        n.awaitReady(Duration.ofSeconds(120));
      }
      WeftClient weft = new WeftClient(client, TIMEOUT_MILLIS);
      awaitAllNodesServe(weft, nodes);

      List<Outcome> outcomes = load(client, weft, nodes.get(1));

      assertEquals(REQUESTS, outcomes.size());
      long failed = outcomes.stream().filter(o -> !o.ok()).count();
      for (Outcome o : outcomes) {
        assertTrue(o.millis() <= TIMEOUT_MILLIS + 2_000, "request " + o.index() + " took " + o.millis() + " ms");
        if (!o.ok()) {
          assertTrue(o.failure().startsWith("TIMEOUT") || o.failure().startsWith("NO_HANDLERS")
              || o.failure().startsWith("RECIPIENT_FAILURE(503"), "unclear failure: " + o);
        }
      }
      assertTrue(failed <= 40, failed + " of " + REQUESTS + " failed: " + outcomes.stream().filter(o -> !o.ok()).toList());
      List<Outcome> last = outcomes.subList(REQUESTS - 100, REQUESTS);
      assertTrue(last.stream().allMatch(Outcome::ok), "after the kill settles, the survivors serve every request: " + last);
      assertTrue(runs(nodes.get(0)) > 0 && runs(nodes.get(2)) > 0, "both survivors served requests");
      System.out.println("cluster: " + failed + " of " + REQUESTS + " requests failed around the kill: "
          + outcomes.stream().filter(o -> !o.ok()).map(o -> o.failure().split(" ")[0] + " after " + o.millis() + " ms").toList());
    } finally {
      ClusterClient.close(client);
      for (ServeProcess n : nodes) {
        n.close();
      }
    }
  }

  /** Sends REQUESTS requests, WINDOW at a time, killing {@code victim} after KILL_AT of them. */
  private static List<Outcome> load(Vertx client, WeftClient weft, ServeProcess victim) throws Exception {
    Map<Integer, Outcome> outcomes = new TreeMap<>();
    AtomicInteger next = new AtomicInteger();
    CompletableFuture<Void> all = new CompletableFuture<>();
    CompletableFuture<Void> killed = new CompletableFuture<>();
    AtomicInteger done = new AtomicInteger();
    Runnable[] send = new Runnable[1];
    send[0] = () -> {
      int i = next.getAndIncrement();
      if (i >= REQUESTS) {
        return;
      }
      if (i == KILL_AT) {
        killed.complete(null);
      }
      long start = System.nanoTime();
      weft.run("hello", new JsonObject().put("name", "n" + i)).onComplete(ar -> {
        long ms = (System.nanoTime() - start) / 1_000_000;
        boolean ok = ar.succeeded() && ("Hello, n" + i + "!").equals(ar.result().getString("greeting"));
        synchronized (outcomes) {
          outcomes.put(i, new Outcome(i, ok, ok ? "" : describe(ar.cause()), ms));
        }
        if (done.incrementAndGet() == REQUESTS) {
          all.complete(null);
        }
        send[0].run();
      });
    };
    client.runOnContext(v -> {
      for (int w = 0; w < WINDOW; w++) {
        send[0].run();
      }
    });
    killed.get(120, TimeUnit.SECONDS);
    victim.kill();
    all.get(180, TimeUnit.SECONDS);
    return new ArrayList<>(outcomes.values());
  }

  private static String describe(Throwable e) {
    if (e instanceof WeftClient.FlowFailure f) {
      return "RECIPIENT_FAILURE(" + f.status() + ") " + f.problem().getString("detail");
    }
    if (e instanceof ReplyException r) {
      return r.failureType() + " " + r.getMessage();
    }
    return String.valueOf(e);
  }

  /** Until every node has served a request: the cluster has formed and the client knows them all. */
  private static void awaitAllNodesServe(WeftClient weft, List<ServeProcess> nodes) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      List<Future<JsonObject>> batch = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        batch.add(weft.run("hello", new JsonObject().put("name", "warm")).recover(e -> Future.succeededFuture(null)));
      }
      Future.all(batch).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      boolean all = true;
      for (ServeProcess n : nodes) {
        all &= runs(n) > 0;
      }
      if (all) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the requests never reached every node:\n" + nodes.get(0).log());
  }

  private static double runs(ServeProcess node) throws Exception {
    Matcher m = RUNS.matcher(node.get("/metrics").body());
    if (!m.find()) {
      return 0;
    }
    return Double.parseDouble(m.group(1) != null ? m.group(1) : m.group(2));
  }

}
