package dev.weft.engine.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.engine.EngineException;
import dev.weft.engine.ErrorKind;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Waiting for host operations: deadlines, slots, failures, and never on an event loop. */
class HostCallsTest {
  static Vertx vertx;
  static HostCalls calls;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    calls = new HostCalls(1, ((VertxInternal) vertx).createEventLoopContext());
  }

  @AfterAll
  static void stop() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  private static Future<String> after(long ms, String value) {
    Promise<String> p = Promise.promise();
    vertx.setTimer(ms, t -> p.complete(value));
    return p.future();
  }

  @Test
  void quickCallsBeyondTheSlotsWaitForOneInsteadOfFailing() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> calls.await(() -> after(1, "ok"), 1000)));
      }
      for (java.util.concurrent.Future<String> r : results) {
        assertEquals("ok", r.get(5, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSlowOperationIsATimeoutAndFreesItsSlot() {
    HostCalls.Failure f = assertThrows(HostCalls.Failure.class, () -> calls.await(() -> after(5000, "late"), 100));
    assertEquals(HostCalls.Outcome.TIMEOUT, f.outcome());
    assertEquals(1, calls.freeSlots());
  }

  @Test
  void aFailedOperationCarriesItsCause() {
    IllegalStateException boom = new IllegalStateException("boom");
    HostCalls.Failure f = assertThrows(HostCalls.Failure.class, () -> calls.await(() -> Future.failedFuture(boom), 100));
    assertEquals(HostCalls.Outcome.FAILED, f.outcome());
    assertEquals(boom, f.getCause());
  }

  @Test
  void waitingOnAnEventLoopIsRefused() throws Exception {
    Promise<Throwable> seen = Promise.promise();
    vertx.runOnContext(v -> {
      try {
        calls.await(() -> Future.succeededFuture("x"), 100);
        seen.complete(null);
      } catch (EngineException | HostCalls.Failure e) {
        seen.complete(e);
      }
    });
    Throwable t = seen.future().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertEquals(ErrorKind.HOST, ((EngineException) t).kind());
  }
}
