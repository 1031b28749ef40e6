package dev.weft.server;

import dev.weft.engine.Engine;
import dev.weft.engine.LoadedFlow;
import dev.weft.flows.FlowException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The flows being served, by name, with the table of their declared routes. Loading is blocking
 * (it compiles components): call {@link #load} at start-up or on a worker. Lookups are lock-free
 * reads of an immutable snapshot, so they are cheap on the event loop; a reload swaps the whole
 * snapshot at once.
 *
 * <p>Thread-safe.
 */
public final class FlowRegistry {
  /** One consistent view: the flows by name and their routes. */
  private record Snapshot(Map<String, ServedFlow> flows, RouteTable routes) {}

  /** The result of loading one file: the flow, or its rendered problems. */
  public record Outcome(Path file, Optional<ServedFlow> flow, String problems) {}

  private final Engine engine;
  private final Consumer<String> log;
  private volatile Snapshot snapshot = new Snapshot(Map.of(), RouteTable.EMPTY);

  /**
   * @param log receives one message per route conflict or replaced flow
   */
  public FlowRegistry(Engine engine, Consumer<String> log) {
    this.engine = engine;
    this.log = log;
  }

  /** The flow files under {@code paths}: files as given, folders searched for {@code *.yaml|yml}. */
  public static List<Path> files(List<Path> paths) {
    Set<Path> files = new LinkedHashSet<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
              .filter(Files::isRegularFile)
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read folder `" + p + "`", e);
        }
      } else {
        files.add(p);
      }
    }
    return List.copyOf(files);
  }

  /**
   * Loads (or reloads) a flow file and serves it; on a problem the last good version of that
   * file's flow keeps being served. Blocking.
   *
   * @return the flow, or the rendered diagnostics
   */
  public Outcome load(Path file) {
    LoadedFlow loaded;
    try {
      loaded = engine.load(file);
    } catch (FlowException e) {
      return new Outcome(file, Optional.empty(), e.render());
    } catch (RuntimeException e) {
      return new Outcome(file, Optional.empty(), "cannot load `" + file + "`: " + e.getMessage());
    }
    ServedFlow flow = new ServedFlow(loaded, file);
    List<ServedFlow> replaced = new ArrayList<>();
    synchronized (this) {
      Map<String, ServedFlow> next = new TreeMap<>(snapshot.flows());
      ServedFlow other = next.get(flow.name());
      if (other != null && !sameFile(other.file(), file)) {
        loaded.close();
        return new Outcome(file, Optional.empty(), "flow `" + flow.name() + "` in `" + file
            + "` has the same name as the flow in `" + other.file() + "`; rename one (`flow: other-name`)");
      }
      // The file's earlier version, under its name or another (the file renamed its flow).
      for (Iterator<ServedFlow> it = next.values().iterator(); it.hasNext(); ) {
        ServedFlow f = it.next();
        if (sameFile(f.file(), file)) {
          replaced.add(f);
          it.remove();
        }
      }
      next.put(flow.name(), flow);
      publish(next);
    }
    // Requests that looked up the old version just before finish on it; its pools then close.
    replaced.forEach(f -> f.flow().close());
    return new Outcome(file, Optional.of(flow), "");
  }

  private void publish(Map<String, ServedFlow> flows) {
    List<String> conflicts = new ArrayList<>();
    RouteTable routes = RouteTable.of(flows.values(), conflicts);
    conflicts.forEach(log);
    snapshot = new Snapshot(Map.copyOf(flows), routes);
  }

  private static boolean sameFile(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  /** The flow named {@code name}. */
  public Optional<ServedFlow> get(String name) {
    return Optional.ofNullable(snapshot.flows().get(name));
  }

  /** Every served flow, by name. */
  public Collection<ServedFlow> all() {
    return new TreeMap<>(snapshot.flows()).values();
  }

  /** The names of the served flows, sorted. */
  public List<String> names() {
    return all().stream().map(ServedFlow::name).toList();
  }

  RouteTable routes() {
    return snapshot.routes();
  }
}
