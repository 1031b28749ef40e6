package dev.weft.engine.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.engine.wasm.ComponentInstance;
import dev.weft.engine.wasm.ComponentLoader;
import dev.weft.engine.wasm.HostImports;
import dev.weft.engine.wasm.LoadOptions;
import dev.weft.engine.wasm.LoadedComponent;
import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.U32;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How a pool makes instances: the first one initialises, later ones are seeded from its snapshot,
 * unless its initialisation called the host; and what reset and close do with them.
 */
class InstancePoolTest {
  private static final Path COMPONENTS = Path.of("src/test/resources/components");

  private final AtomicInteger ticks = new AtomicInteger();

  /** seeded.wasm: its `_initialize` calls the host's `tick`. */
  private LoadedComponent ticking() {
    HostImports host =
        HostImports.builder()
            .withFunction(
                "tick",
                args -> {
                  ticks.incrementAndGet();
                  return Optional.empty();
                })
            .build();
    return ComponentLoader.load(COMPONENTS.resolve("seeded.wasm"), LoadOptions.defaults(), host);
  }

  /** greet.wasm: initialisation (data segments) without host calls. */
  private static LoadedComponent greet() {
    return ComponentLoader.load(Path.of("../examples/components/greet/greet.wasm"), LoadOptions.defaults());
  }

  /** Takes {@code n} leases at once (the pool must have room) and opens them. */
  private static List<ComponentInstance> open(InstancePool pool, int n) {
    List<ComponentInstance> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      assertTrue(pool.acquire(lease -> out.add(pool.open(lease))));
    }
    return out;
  }

  private static Optional<WitValue> call(ComponentInstance i, String f) {
    return i.call(f, List.of());
  }

  @Test
  void laterInstancesAreSeededFromTheFirst() {
    InstancePool pool = new InstancePool(greet(), "greet", 3, 0);
    assertFalse(pool.seeding());
    List<ComponentInstance> is = open(pool, 3);
    assertFalse(is.get(0).seeded(), "the first instance initialises itself");
    assertTrue(is.get(1).seeded() && is.get(2).seeded(), "the others are copies");
    assertTrue(pool.seeding());
    for (ComponentInstance i : is) {
      assertEquals(
          Optional.of(new WitValue.Str("Hello, Weft!")),
          i.call("greet", List.of(new WitValue.Str("Weft"))));
    }
  }

  @Test
  void anInitialisationThatCalledTheHostRunsInEveryInstance() {
    InstancePool pool = new InstancePool(ticking(), "seeded", 3, 0);
    List<ComponentInstance> is = open(pool, 3);
    assertEquals(3, ticks.get(), "each instance ran _initialize, and its host call");
    assertFalse(pool.seeding());
    assertTrue(is.stream().noneMatch(ComponentInstance::seeded));
  }

  @Test
  void resetPutsEachInstanceBackToItsOwnStartWhenNoneIsShared() {
    InstancePool pool = new InstancePool(ticking(), "seeded", 1, 10, true);
    for (int k = 0; k < 3; k++) {
      ComponentInstance i = open(pool, 1).get(0);
      assertEquals(Optional.of(new U32(101)), call(i, "bump"));
      assertEquals(Optional.of(new U32(1)), call(i, "step"));
      pool.release(i);
    }
    assertEquals(1, ticks.get(), "one instance, reset to its own snapshot");
  }

  @Test
  void resetPutsSeededInstancesBackToTheSharedSnapshot() {
    InstancePool pool = new InstancePool(greet(), "greet", 2, 10, true);
    List<ComponentInstance> is = open(pool, 2);
    assertTrue(is.get(1).seeded());
    is.forEach(pool::release);
    List<ComponentInstance> again = open(pool, 2);
    assertEquals(2, pool.size(), "reset instances are reused");
    assertTrue(again.containsAll(is));
  }

  @Test
  void closingReleasesIdleInstancesAtOnceAndBusyOnesWhenGivenBack() {
    InstancePool pool = new InstancePool(greet(), "greet", 2, 10);
    List<ComponentInstance> is = open(pool, 2);
    pool.release(is.get(0));
    assertEquals(2, pool.size());
    pool.close();
    assertEquals(1, pool.size(), "the idle instance is closed");
    pool.release(is.get(1));
    assertEquals(0, pool.size(), "the busy one is closed when its call ends");
    ComponentInstance late = open(pool, 1).get(0);
    assertNotSame(is.get(1), late);
    assertEquals(
        Optional.of(new WitValue.Str("Hello, x!")),
        late.call("greet", List.of(new WitValue.Str("x"))),
        "a call after close still runs");
    pool.release(late);
    assertEquals(0, pool.size());
    assertTrue(pool.closed());
  }
}
