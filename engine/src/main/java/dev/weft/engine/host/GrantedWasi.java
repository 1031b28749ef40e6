package dev.weft.engine.host;

import dev.weft.engine.InstantiationException;
import dev.weft.engine.wasm.WasiHost;
import dev.weft.flows.host.WasiGrant;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import run.endive.runtime.HostFunction;
import run.endive.runtime.ImportFunction;
import run.endive.wasi.WasiOptions;
import run.endive.wasi.WasiPreview1;

/**
 * WASI preview 1 as a flow grants it ({@code grants: {wasi: ...}}): the arguments and
 * environment variables of the grant, its folders preopened read-only ({@link ReadOnlyWasi}),
 * stdout and stderr into the log line by line ({@link LineLog}) or discarded, an empty stdin, the
 * system clock and a secure random source. One per component instance.
 */
final class GrantedWasi implements WasiHost {
  private final WasiPreview1 wasi;
  private final Map<String, ImportFunction> functions;
  private final List<LineLog> logs = new ArrayList<>();

  private GrantedWasi(Environment env) {
    WasiOptions.Builder options =
        WasiOptions.builder()
            .withArguments(env.grant().args())
            .withRandom(env.random())
            // Terminals, as far as the guest can tell, so that C's stdio writes each line at once
            // (wasi-libc buffers a stream that is not a terminal until exit, and a reactor never
            // exits).
            .withStdout(output(env, env.grant().stdout(), "stdout", GuestLog.Level.INFO), true)
            .withStderr(output(env, env.grant().stderr(), "stderr", GuestLog.Level.WARN), true);
    env.vars().forEach(options::withEnvironment);
    List<Path> roots = new ArrayList<>();
    env.grant().dirs().forEach((guest, host) -> {
      Path root = realFolder(env.component(), guest, host);
      options.withDirectory(guest, root);
      roots.add(root);
    });
    this.wasi = WasiPreview1.builder().withOptions(options.build()).build();
    Map<String, ImportFunction> endive = new LinkedHashMap<>();
    for (HostFunction f : wasi.toHostFunctions()) {
      endive.put(f.name(), f);
    }
    this.functions = Map.copyOf(ReadOnlyWasi.wrap(endive, roots));
  }

  /** What every instance of one component gets. */
  private record Environment(
      String component, WasiGrant grant, Map<String, String> vars, GuestLog log, Random random) {}

  /**
   * Makes the WASI preview 1 of each instance of component {@code component} (its flow name, for
   * the log) as {@code grant} grants it.
   *
   * @param env Weft's own environment, for the variables the grant passes through by name
   * @param random the source of {@code random_get}; shared by every instance, so thread-safe
   */
  static Supplier<WasiHost> supplier(
      String component, WasiGrant grant, GuestLog log, Function<String, String> env, Random random) {
    Map<String, String> vars = new LinkedHashMap<>();
    grant.env().forEach((name, value) -> {
      Optional<String> v = value.or(() -> Optional.ofNullable(env.apply(name)));
      v.ifPresent(s -> vars.put(name, s));
    });
    Environment e = new Environment(component, grant, Collections.unmodifiableMap(vars), log, random);
    return () -> new GrantedWasi(e);
  }

  private OutputStream output(Environment env, WasiGrant.Output where, String stream, GuestLog.Level level) {
    return switch (where) {
      case DISCARD -> OutputStream.nullOutputStream();
      case LOG -> {
        LineLog l = new LineLog(env.component(), stream, env.log(), level);
        logs.add(l);
        yield l;
      }
    };
  }

  private static Path realFolder(String component, String guest, Path host) {
    try {
      return host.toRealPath();
    } catch (IOException e) {
      throw new InstantiationException(
          "`" + component + "`: the folder granted as `" + guest + "` cannot be opened: " + e, e);
    }
  }

  @Override
  public Map<String, ImportFunction> functions() {
    return functions;
  }

  @Override
  public void callEnded() {
    logs.forEach(LineLog::endLine);
  }

  @Override
  public void close() {
    logs.forEach(LineLog::close);
    wasi.close();
  }
}
