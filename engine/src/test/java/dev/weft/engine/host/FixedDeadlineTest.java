package dev.weft.engine.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One deadline for many operations: those that answer in time keep their answer, the others expire on time. */
class FixedDeadlineTest {
  static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  /** Watches {@code count} operations from an event loop; the even ones complete after {@code answerMs}. */
  private static List<Promise<String>> watchOnLoop(FixedDeadline d, Context loop, int count, long answerMs) throws Exception {
    List<Promise<String>> ops = new ArrayList<>();
    CompletableFuture<Void> started = new CompletableFuture<>();
    loop.runOnContext(v -> {
      for (int i = 0; i < count; i++) {
        Promise<String> p = Promise.promise();
        ops.add(p);
        d.watch(p, () -> p.tryComplete("timeout"));
        if (i % 2 == 0) {
          String answer = "answer " + i;
          vertx.setTimer(answerMs, t -> p.tryComplete(answer));
        }
      }
      started.complete(null);
    });
    started.get(5, TimeUnit.SECONDS);
    return ops;
  }

  @Test
  void operationsThatAnswerInTimeKeepTheirAnswerAndTheOthersExpire() throws Exception {
    FixedDeadline d = new FixedDeadline(vertx, 300);
    long t0 = System.nanoTime();
    List<Promise<String>> ops = watchOnLoop(d, vertx.getOrCreateContext(), 100, 20);
    for (int i = 0; i < ops.size(); i++) {
      String got = ops.get(i).future().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      assertEquals(i % 2 == 0 ? "answer " + i : "timeout", got);
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertTrue(ms >= 300 && ms < 3000, "expired after " + ms + " ms");
  }

  @Test
  void operationsWatchedLaterExpireLaterAndTheQueueWorksAgainAfterEmptying() throws Exception {
    FixedDeadline d = new FixedDeadline(vertx, 200);
    Context loop = vertx.getOrCreateContext();
    for (int round = 0; round < 2; round++) { // the second round starts after the queue emptied
      List<Promise<String>> first = watchOnLoop(d, loop, 3, 10);
      Thread.sleep(100);
      List<Promise<String>> second = watchOnLoop(d, loop, 3, 10);
      first.get(1).future().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      assertTrue(!second.get(1).future().isComplete(), "the later operation expired with the earlier one");
      assertEquals("timeout", second.get(1).future().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void anOperationWatchedOffTheEventLoopExpiresToo() throws Exception {
    FixedDeadline d = new FixedDeadline(vertx, 100);
    Promise<String> late = Promise.promise();
    Promise<String> quick = Promise.promise();
    d.watch(late, () -> late.tryComplete("timeout"));
    d.watch(quick, () -> quick.tryComplete("timeout"));
    quick.complete("answer");
    assertEquals("timeout", late.future().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS));
    assertEquals("answer", quick.future().result());
  }
}
