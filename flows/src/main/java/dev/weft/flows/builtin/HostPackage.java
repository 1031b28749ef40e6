package dev.weft.flows.builtin;

import dev.weft.wit.Wit;
import dev.weft.wit.model.Function;
import dev.weft.wit.model.Interface;
import dev.weft.wit.model.Resolve;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The WIT package {@code weft:host@0.1.0}, resolved once from this module's resources: the
 * interfaces components import and the signatures of built-in nodes. The flow checker reads it
 * for built-in nodes, the engine for checking components' imports; it lives here, in the lowest
 * module that needs it, so there is one copy. Immutable and thread-safe.
 */
public final class HostPackage {
  /** Where the WIT is on the class path. */
  public static final String RESOURCE = "/wit/weft-host/host.wit";

  /** The package's name. */
  public static final String NAME = "weft:host";

  /** Its version. */
  public static final String VERSION = "0.1.0";

  private static final class Holder {
    static final HostPackage INSTANCE = load();
  }

  private final String text;
  private final Resolve resolve;
  private final Map<String, Function> functions;

  private HostPackage(String text, Resolve resolve, Map<String, Function> functions) {
    this.text = text;
    this.resolve = resolve;
    this.functions = java.util.Collections.unmodifiableMap(functions);
  }

  /** The package, loaded on first use. */
  public static HostPackage get() {
    return Holder.INSTANCE;
  }

  /** The WIT source text. */
  public String text() {
    return text;
  }

  /** The resolved package: the table the functions' types refer to. */
  public Resolve types() {
    return resolve;
  }

  /** Every function by import key ({@code weft:host/kv@0.1.0#get}), in WIT order. */
  public Map<String, Function> functions() {
    return functions;
  }

  /** The import key of function {@code fn} of interface {@code iface}. */
  public static String key(String iface, String fn) {
    return NAME + "/" + iface + "@" + VERSION + "#" + fn;
  }

  /** Function {@code fn} of interface {@code iface} ({@code kv}, {@code get}). */
  public Optional<Function> function(String iface, String fn) {
    return Optional.ofNullable(functions.get(key(iface, fn)));
  }

  private static HostPackage load() {
    // Wit.load reads files; the resource may be inside a jar, so it goes through a temporary one.
    try (InputStream in = HostPackage.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("weft-flows is missing its resource " + RESOURCE);
      }
      byte[] bytes = in.readAllBytes();
      Path tmp = Files.createTempFile("weft-host", ".wit");
      try {
        Files.write(tmp, bytes);
        Resolve r = Wit.load(tmp, Set.of());
        Map<String, Function> fns = new LinkedHashMap<>();
        for (Interface i : r.interfaces()) {
          i.name().ifPresent(name -> i.functions().forEach((fn, f) -> fns.put(key(name, fn), f)));
        }
        return new HostPackage(new String(bytes, StandardCharsets.UTF_8), r, fns);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
