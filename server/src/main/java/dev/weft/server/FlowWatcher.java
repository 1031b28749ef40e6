package dev.weft.server;

import dev.weft.flows.model.FlowComponent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code --watch}: polls the flow files, the folders they came from and the components of loaded
 * flows, and reloads a flow when its file or one of its components changes. A broken edit is
 * logged with its rendered diagnostics and the last good version keeps serving. Polling (every
 * {@value #PERIOD_MILLIS} ms, on a worker) rather than a {@code WatchService}: it sees files
 * replaced by editors and works the same on every file system.
 */
final class FlowWatcher {
  static final long PERIOD_MILLIS = 500;

  /** What a file looked like: changes in either mean it changed. */
  private record Stamp(long modified, long size) {}

  private final Vertx vertx;
  private final FlowRegistry registry;
  private final List<Path> paths;
  private final Consumer<String> log;
  private final Consumer<List<String>> changed;
  private final Map<Path, Stamp> stamps = new HashMap<>();
  private long timer = -1;
  private boolean scanning;

  /**
   * @param changed called (on the event loop) with the names of the flows reloaded
   */
  FlowWatcher(Vertx vertx, FlowRegistry registry, List<Path> paths, Consumer<String> log,
      Consumer<List<String>> changed) {
    this.vertx = vertx;
    this.registry = registry;
    this.paths = paths;
    this.log = log;
    this.changed = changed;
  }

  /** Records the current state of every file, then starts polling. Blocking first scan. */
  void start() {
    for (Path f : watched()) {
      stamps.put(f, stamp(f));
    }
    timer = vertx.setPeriodic(PERIOD_MILLIS, id -> poll());
  }

  void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  private void poll() {
    if (scanning) {
      return;
    }
    scanning = true;
    vertx.executeBlocking(this::scan, false)
        .onSuccess(names -> {
          if (!names.isEmpty()) {
            changed.accept(names);
          }
        })
        .onFailure(e -> log.accept("watch: " + e.getMessage()))
        .eventually(() -> {
          scanning = false;
          return Future.succeededFuture();
        });
  }

  /** Reloads what changed; returns the names of the flows reloaded. Runs on a worker. */
  private synchronized List<String> scan() {
    Set<Path> reload = new LinkedHashSet<>();
    for (Path f : watched()) {
      Stamp now = stamp(f);
      if (!Objects.equals(stamps.put(f, now), now)) {
        reload.addAll(flowsUsing(f));
      }
    }
    List<String> loaded = new java.util.ArrayList<>();
    for (Path flow : reload) {
      if (!Files.exists(flow)) {
        continue; // deleted: keep serving the last good version
      }
      FlowRegistry.Outcome o = registry.load(flow);
      if (o.flow().isPresent()) {
        loaded.add(o.flow().get().name());
        log.accept("reloaded flow `" + o.flow().get().name() + "` from " + flow);
      } else {
        log.accept("cannot reload " + flow + "; the last good version keeps serving:\n" + o.problems());
      }
      for (Path f : watched()) {
        stamps.putIfAbsent(f, stamp(f)); // components the new version added
      }
    }
    return loaded;
  }

  /** The flow files to reload when {@code file} changed: itself, or the flows using it. */
  private Set<Path> flowsUsing(Path file) {
    Set<Path> flows = new LinkedHashSet<>();
    if (file.toString().endsWith(".yaml") || file.toString().endsWith(".yml")) {
      flows.add(file);
    }
    for (ServedFlow f : registry.all()) {
      for (FlowComponent c : f.flow().graph().components()) {
        if (c.wasm().toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
          flows.add(f.file());
        }
      }
    }
    return flows;
  }

  private Set<Path> watched() {
    Set<Path> files = new LinkedHashSet<>(FlowRegistry.files(paths));
    for (ServedFlow f : registry.all()) {
      files.add(f.file());
      f.flow().graph().components().forEach(c -> files.add(c.wasm()));
    }
    return files;
  }

  private static Stamp stamp(Path f) {
    try {
      BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
      return new Stamp(a.lastModifiedTime().toMillis(), a.size());
    } catch (IOException e) {
      return new Stamp(-1, -1);
    }
  }
}
