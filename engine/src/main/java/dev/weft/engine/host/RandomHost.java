package dev.weft.engine.host;

import dev.weft.engine.EngineException;
import dev.weft.engine.ErrorKind;
import dev.weft.engine.wasm.HostImports;
import dev.weft.wit.value.WitValue.Bytes;
import dev.weft.wit.value.WitValue.U32;
import dev.weft.wit.value.WitValue.U64;
import java.security.SecureRandom;
import java.util.Optional;

/** {@code weft:host/random}: a {@link SecureRandom} shared by all components (it is thread-safe). */
final class RandomHost {
  /** The most bytes one call returns, as the WIT says. */
  static final long MAX_BYTES = 65536;

  private RandomHost() {}

  static void register(HostImports.Builder b, SecureRandom random) {
    b.withFunction(HostInterface.RANDOM.key("bytes"), args -> Optional.of(bytes(random, ((U32) args.get(0)).value())));
    b.withFunction(HostInterface.RANDOM.key("next-u64"), args -> Optional.of(new U64(random.nextLong())));
  }

  /**
   * {@code n} random bytes.
   *
   * @throws EngineException of kind {@link ErrorKind#HOST} when {@code n} is over {@value #MAX_BYTES}
   */
  static Bytes bytes(SecureRandom random, long n) {
    if (n > MAX_BYTES) {
      // The WIT states the limit, so asking for more is a bug, not a condition to handle.
      throw new EngineException(ErrorKind.HOST, "random.bytes: " + n + " bytes asked, at most " + MAX_BYTES);
    }
    byte[] out = new byte[(int) n];
    random.nextBytes(out);
    return Bytes.wrap(out);
  }
}
