package dev.weft.engine.wasm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import run.endive.wasi.WasiOptions;

/**
 * What the host gives components to import: functions keyed like exports ({@code
 * ns:pkg/iface@ver#fn} for a function of an imported interface, the bare name for one the world
 * imports directly), and what to do when a guest drops a handle to a host resource. Immutable and
 * thread-safe; build it once with {@link #builder()}.
 *
 * <p>Resources the host defines cross as {@link dev.weft.wit.value.WitValue.Handle}s holding the
 * host's own representation (an index into a table the host keeps): a host function returning an
 * {@code own<r>} returns a new {@code Handle(rep)}; a {@code borrow<r>} argument arrives as the
 * {@code Handle(rep)} the guest borrowed.
 */
public final class HostImports {
  private static final HostImports NONE = new HostImports(Map.of(), Map.of(), null);

  private final Map<String, HostFunction> functions;
  private final Map<String, IntConsumer> drops;
  private final Supplier<WasiHost> wasi;

  private HostImports(
      Map<String, HostFunction> functions, Map<String, IntConsumer> drops, Supplier<WasiHost> wasi) {
    this.functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
    this.drops = Map.copyOf(drops);
    this.wasi = wasi;
  }

  /** No imports: only self-contained components load. */
  public static HostImports none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The function for import key {@code key}, if the host provides it: under exactly that key, or
   * else under the same interface and function at a semver-compatible version (same major version;
   * for 0.x, same minor), as wasmtime's linker allows.
   */
  public Optional<HostFunction> function(String key) {
    HostFunction f = functions.get(key);
    if (f != null) {
      return Optional.of(f);
    }
    for (Map.Entry<String, HostFunction> e : functions.entrySet()) {
      if (compatible(key, e.getKey())) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** Whether {@code a} and {@code b} name one function of one interface at compatible versions. */
  static boolean compatible(String a, String b) {
    int at = a.indexOf('@');
    int bt = b.indexOf('@');
    int ah = a.indexOf('#');
    int bh = b.indexOf('#');
    if (at < 0 || bt < 0 || ah < at || bh < bt) {
      return false;
    }
    if (!a.substring(0, at).equals(b.substring(0, bt))
        || !a.substring(ah).equals(b.substring(bh))) {
      return false;
    }
    String[] av = a.substring(at + 1, ah).split("[.+-]");
    String[] bv = b.substring(bt + 1, bh).split("[.+-]");
    if (av.length < 2 || bv.length < 2 || !av[0].equals(bv[0])) {
      return false;
    }
    return !av[0].equals("0") || av[1].equals(bv[1]);
  }

  /** The keys of every function the host provides. */
  public Set<String> keys() {
    return functions.keySet();
  }

  /** What to run when a guest drops an owned handle to resource {@code resource} (its WIT name). */
  public Optional<IntConsumer> drop(String resource) {
    return Optional.ofNullable(drops.get(resource));
  }

  /**
   * Makes the WASI preview 1 of each instance, replacing a component's {@code
   * wasi_snapshot_preview1} adapter, if the host grants WASI.
   */
  public Optional<Supplier<WasiHost>> wasiPreview1() {
    return Optional.ofNullable(wasi);
  }

  /** Builds {@link HostImports}. */
  public static final class Builder {
    private final Map<String, HostFunction> functions = new LinkedHashMap<>();
    private final Map<String, IntConsumer> drops = new LinkedHashMap<>();
    private Supplier<WasiHost> wasi;

    private Builder() {}

    /**
     * Runs a WASI preview 1 of {@code perInstance}'s making (one per instance, made with it) in
     * place of the {@code wasi_snapshot_preview1} adapter module that wit-component puts into
     * components built from WASI programs: the main module calls WASI directly, the adapter and
     * the {@code wasi:*} imports it needs are left out.
     */
    public Builder withWasiPreview1(Supplier<WasiHost> perInstance) {
      this.wasi = perInstance;
      return this;
    }

    /**
     * Runs Endive's WASI preview 1 with these options ({@link WasiHost#of}: folders writable) in
     * place of the adapter, as {@link #withWasiPreview1(Supplier)}. The options' streams are
     * shared by every instance.
     */
    public Builder withWasiPreview1(WasiOptions options) {
      return withWasiPreview1(() -> WasiHost.of(options));
    }

    /** Provides the import {@code key} ({@code ns:pkg/iface@ver#fn}, or a bare function name). */
    public Builder withFunction(String key, HostFunction function) {
      functions.put(key, function);
      return this;
    }

    /**
     * Runs {@code onDrop} with the host's representation when a guest drops an owned handle to the
     * resource named {@code resource}.
     */
    public Builder withResourceDrop(String resource, IntConsumer onDrop) {
      drops.put(resource, onDrop);
      return this;
    }

    public HostImports build() {
      return new HostImports(functions, drops, wasi);
    }
  }
}
