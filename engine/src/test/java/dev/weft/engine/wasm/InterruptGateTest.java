package dev.weft.engine.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.engine.EngineException;
import dev.weft.engine.ErrorKind;
import dev.weft.wit.value.WitValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Interrupting a call of a component whose compiled code runs without the interruption check
 * ({@link InterruptGate}): the call stops even when its loop is already compiled by the JIT, calls
 * on other threads go on and compute the same results, and the check is off again afterwards.
 */
class InterruptGateTest {
  private static final Path SPIN_WASM =
      Path.of("").toAbsolutePath().getParent().resolve("examples/components/spin/spin.wasm");

  /** Gated on every JDK, so that the gate is tested on JDK 17 too, where it is off by default. */
  private static final LoadedComponent SPIN =
      ComponentLoader.load(SPIN_WASM, LoadOptions.defaults().withGatedInterrupts(true));

  /** A thread that calls {@code forever} on a fresh instance and keeps what it threw. */
  private static final class Runaway extends Thread {
    final LoadedComponent component;
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    final AtomicBoolean go = new AtomicBoolean(true);

    Runaway() {
      this(SPIN);
    }

    Runaway(LoadedComponent component) {
      this.component = component;
    }

    @Override
    public void run() {
      try (ComponentInstance i = component.instantiate()) {
        while (!go.get()) {
          Thread.onSpinWait();
        }
        i.call("forever", List.of());
      } catch (Throwable e) {
        failure.set(e);
      }
    }
  }

  private static long work(ComponentInstance i, long seed, int rounds) {
    return ((WitValue.U64) i.call("work", List.of(new WitValue.U64(seed), new WitValue.U32(rounds)))
            .orElseThrow())
        .value();
  }

  private static void assertStopsWithATimeout(Runaway t, InterruptGate.Interruption x)
      throws InterruptedException {
    t.join(20_000);
    x.close();
    assertFalse(t.isAlive(), "the call stopped");
    EngineException e = (EngineException) t.failure.get();
    assertEquals(ErrorKind.TIMEOUT, e.kind());
    assertTrue(e.getMessage().contains("`forever` was interrupted"), e.getMessage());
  }

  @Test
  void aLoopAlreadyCompiledByTheJitStopsWhenItsCallIsInterrupted() throws Exception {
    // Three times: each interruption throws the component's compiled code away, and the next
    // runaway call runs in code compiled again, without the check.
    for (int round = 0; round < 3; round++) {
      Runaway t = new Runaway();
      t.start();
      Thread.sleep(round == 0 ? 1_500 : 500); // long enough for the loop to reach C2
      assertTrue(t.isAlive(), "still spinning");
      assertFalse(SPIN.interruptionArmed());
      assertStopsWithATimeout(t, SPIN.interrupt(t));
      assertFalse(SPIN.interruptionArmed(), "the check is off again once the interruption closed");
    }
  }

  @Test
  void whileNothingIsInterruptedThroughTheGateTheFlagIsNotLookedAt() throws Exception {
    Runaway t = new Runaway();
    t.start();
    Thread.sleep(300);
    t.interrupt(); // a plain interrupt: the gated checks do not read the flag
    t.join(500);
    assertTrue(t.isAlive(), "the call goes on");
    assertStopsWithATimeout(t, SPIN.interrupt(t));
  }

  @Test
  void withEndivesOwnCheckAnInterruptionStopsTheCallAsWell() throws Exception {
    LoadedComponent plain =
        ComponentLoader.load(SPIN_WASM, LoadOptions.defaults().withGatedInterrupts(false));
    Runaway t = new Runaway(plain);
    t.start();
    Thread.sleep(500);
    assertStopsWithATimeout(t, plain.interrupt(t));
  }

  @Test
  void callsOnOtherThreadsGoOnWithTheSameResults() throws Exception {
    long expected;
    try (ComponentInstance i = SPIN.instantiate()) {
      expected = work(i, 7, 2_000_000);
    }
    AtomicBoolean stop = new AtomicBoolean();
    List<Long> results = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicReference<Throwable> workerFailure = new AtomicReference<>();
    Thread worker =
        new Thread(
            () -> {
              try (ComponentInstance i = SPIN.instantiate()) {
                while (!stop.get()) {
                  results.add(work(i, 7, 2_000_000));
                }
              } catch (Throwable e) {
                workerFailure.set(e);
              }
            });
    worker.start();
    for (int round = 0; round < 2; round++) {
      Runaway t = new Runaway();
      t.start();
      Thread.sleep(400);
      assertStopsWithATimeout(t, SPIN.interrupt(t));
    }
    Thread.sleep(200);
    stop.set(true);
    worker.join(20_000);
    assertNull(workerFailure.get());
    assertTrue(results.size() > 2, "the worker kept working: " + results.size() + " calls");
    for (long r : results) {
      assertEquals(expected, r);
    }
  }

  @Test
  void anInterruptBeforeTheCallStopsItAtItsFirstCheck() throws Exception {
    Runaway t = new Runaway();
    t.go.set(false);
    t.start();
    InterruptGate.Interruption x = SPIN.interrupt(t);
    t.go.set(true); // the call begins with the interrupt flag already set
    assertStopsWithATimeout(t, x);
  }

  @Test
  void theCheckStaysOnUntilTheLastInterruptionCloses() {
    InterruptGate gate = new InterruptGate();
    Thread a = new Thread(() -> {});
    Thread b = new Thread(() -> {});
    InterruptGate.Interruption x = gate.interrupt(a);
    InterruptGate.Interruption y = gate.interrupt(b);
    assertTrue(a.isInterrupted() && b.isInterrupted());
    x.close();
    x.close(); // a second close changes nothing
    assertTrue(gate.armed());
    y.close();
    assertFalse(gate.armed());
  }
}
