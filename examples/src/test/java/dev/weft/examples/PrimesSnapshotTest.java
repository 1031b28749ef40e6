package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.engine.wasm.ComponentInstance;
import dev.weft.engine.wasm.ComponentLoader;
import dev.weft.engine.wasm.InstanceSnapshot;
import dev.weft.engine.wasm.LoadOptions;
import dev.weft.engine.wasm.LoadedComponent;
import dev.weft.wit.value.WitValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The heavy initialiser (primes: a sieve below 2^24 in {@code _initialize}): an instance seeded
 * from a snapshot, and one reset to it after use, answer exactly as a freshly initialised one.
 */
class PrimesSnapshotTest {
  private static final LoadedComponent PRIMES =
      ComponentLoader.load(
          Cli.ROOT.resolve("examples/components/primes/primes.wasm"), LoadOptions.defaults());

  /** Answers across the whole table: counts, nth primes, factorisations, primality. */
  private static List<Object> answers(ComponentInstance i) {
    List<Object> out = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(2026);
    for (int k = 0; k < 300; k++) {
      long n = random.nextLong(1L << 24);
      out.add(i.call("count-primes", List.of(new WitValue.U32(n))));
      out.add(i.call("nth-prime", List.of(new WitValue.U32(1 + n % 1_077_871))));
      out.add(i.call("factor", List.of(new WitValue.U32(random.nextLong(1L << 32)))));
      out.add(i.call("is-prime", List.of(new WitValue.U32(random.nextLong(1L << 32)))));
    }
    return out;
  }

  @Test
  void seededAndResetInstancesAnswerAsAFreshOne() {
    List<Object> expected;
    InstanceSnapshot snapshot;
    try (ComponentInstance fresh = PRIMES.instantiate()) {
      assertTrue(fresh.seedable(), "the sieve calls no host function");
      snapshot = fresh.snapshot();
      expected = answers(fresh);
    }
    assertTrue(
        snapshot.retainedBytes() >= (1 << 20) && snapshot.retainedBytes() < snapshot.memoryBytes(),
        "the 1 MiB bitset and the counts, without the empty pages: " + snapshot.retainedBytes());
    try (ComponentInstance seeded = PRIMES.instantiate(snapshot)) {
      assertEquals(expected, answers(seeded));
      seeded.reset(snapshot);
      assertEquals(expected, answers(seeded), "after a reset");
    }
    try (ComponentInstance another = PRIMES.instantiate(snapshot)) {
      assertEquals(
          Optional.of(WitValue.OptionValue.some(new WitValue.U32(1_077_871))),
          another.call("count-primes", List.of(new WitValue.U32(16_777_215))));
    }
  }
}
