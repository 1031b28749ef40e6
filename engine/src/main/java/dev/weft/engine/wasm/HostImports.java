package dev.weft.engine.wasm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

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
  private static final HostImports NONE = new HostImports(Map.of(), Map.of());

  private final Map<String, HostFunction> functions;
  private final Map<String, IntConsumer> drops;

  private HostImports(Map<String, HostFunction> functions, Map<String, IntConsumer> drops) {
    this.functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
    this.drops = Map.copyOf(drops);
  }

  /** No imports: only self-contained components load. */
  public static HostImports none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The function for import key {@code key}, if the host provides it. */
  public Optional<HostFunction> function(String key) {
    return Optional.ofNullable(functions.get(key));
  }

  /** The keys of every function the host provides. */
  public Set<String> keys() {
    return functions.keySet();
  }

  /** What to run when a guest drops an owned handle to resource {@code resource} (its WIT name). */
  public Optional<IntConsumer> drop(String resource) {
    return Optional.ofNullable(drops.get(resource));
  }

  /** Builds {@link HostImports}. */
  public static final class Builder {
    private final Map<String, HostFunction> functions = new LinkedHashMap<>();
    private final Map<String, IntConsumer> drops = new LinkedHashMap<>();

    private Builder() {}

    /** Provides the import {@code key} ({@code ns:pkg/iface@ver#fn}, or a bare function name). */
    public Builder withFunction(String key, HostFunction function) {
      functions.put(key, function);
      return this;
    }

    /**
     * Runs {@code onDrop} with the host's representation when a guest drops an owned handle to
     * the resource named {@code resource}.
     */
    public Builder withResourceDrop(String resource, IntConsumer onDrop) {
      drops.put(resource, onDrop);
      return this;
    }

    public HostImports build() {
      return new HostImports(functions, drops);
    }
  }
}
