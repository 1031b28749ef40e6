package dev.weft.engine.host;

import dev.weft.wit.Wit;
import dev.weft.wit.model.Function;
import dev.weft.wit.model.Interface;
import dev.weft.wit.model.Resolve;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code weft:host} WIT, resolved once from the engine's resources: the types imports are
 * checked against. Immutable and thread-safe.
 */
final class HostWit {
  /** Where the WIT is on the class path. */
  static final String RESOURCE = "/wit/weft-host/host.wit";

  private static final class Holder {
    static final HostWit INSTANCE = load();
  }

  private final Resolve resolve;
  private final Map<String, Function> functions;

  private HostWit(Resolve resolve, Map<String, Function> functions) {
    this.resolve = resolve;
    this.functions = Map.copyOf(functions);
  }

  static HostWit get() {
    return Holder.INSTANCE;
  }

  /** The types of {@link #function}s. */
  Resolve types() {
    return resolve;
  }

  /** The host's function with import key {@code key} ({@code weft:host/kv@0.1.0#get}). */
  Optional<Function> function(String key) {
    return Optional.ofNullable(functions.get(key));
  }

  private static HostWit load() {
    // Wit.load reads files; the resource may be inside a jar, so it goes through a temporary one.
    try (InputStream in = HostWit.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the engine is missing its resource " + RESOURCE);
      }
      Path tmp = Files.createTempFile("weft-host", ".wit");
      try {
        Files.write(tmp, in.readAllBytes());
        Resolve r = Wit.load(tmp, Set.of());
        Map<String, Function> fns = new HashMap<>();
        for (Interface i : r.interfaces()) {
          i.name().ifPresent(name -> i.functions().forEach((fn, f) ->
              fns.put(HostInterface.PACKAGE + "/" + name + "@" + HostInterface.VERSION + "#" + fn, f)));
        }
        return new HostWit(r, fns);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
