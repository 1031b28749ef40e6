package dev.weft.engine.host;

import dev.weft.engine.wasm.HostImports;
import dev.weft.wit.value.WitValue.U64;
import java.util.Optional;

/** {@code weft:host/clock}: the JVM's wall clock and {@link System#nanoTime()}. */
final class ClockHost {
  private ClockHost() {}

  static void register(HostImports.Builder b) {
    b.withFunction(HostInterface.CLOCK.key("now"), args -> Optional.of(new U64(System.currentTimeMillis())));
    b.withFunction(HostInterface.CLOCK.key("monotonic"), args -> Optional.of(new U64(System.nanoTime())));
  }
}
