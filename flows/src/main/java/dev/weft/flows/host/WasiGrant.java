package dev.weft.flows.host;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a component gets of WASI preview 1 ({@code grants: {wasi: ...}}): its arguments, its
 * environment variables, read-only preopened folders, and where its stdout and stderr go. Every
 * WASI grant also gives the WASI clocks and random numbers; stdin is always empty. Immutable.
 *
 * @param args the arguments, argv[0] included (none for {@code wasi: true})
 * @param env the environment variables by name, in the flow's order: a value written in the flow,
 *     or empty to pass the value of the same variable in Weft's own environment (a variable Weft
 *     does not have is left out)
 * @param dirs the read-only preopened folders: the guest's path ({@code /data}) to the host's
 *     folder, relative to the flow file as parsed, absolute once the flow is checked
 * @param stdout where the guest's stdout goes
 * @param stderr where the guest's stderr goes
 */
public record WasiGrant(
    List<String> args,
    Map<String, Optional<String>> env,
    Map<String, Path> dirs,
    Output stdout,
    Output stderr) {
  /** Where an output stream of the guest goes. */
  public enum Output {
    /** Each line into Weft's log, with the component's name: stdout at info, stderr at warn. */
    LOG,
    /** Nowhere. */
    DISCARD
  }

  /** {@code wasi: true}: no arguments, no variables, no folders; stdout and stderr logged. */
  public static final WasiGrant DEFAULT =
      new WasiGrant(List.of(), Map.of(), Map.of(), Output.LOG, Output.LOG);

  public WasiGrant {
    args = List.copyOf(args);
    // Keep the flow's order: it is the order of the guest's environ and preopens.
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    dirs = Collections.unmodifiableMap(new LinkedHashMap<>(dirs));
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /** The same grant with the folders {@code value}. */
  public WasiGrant withDirs(Map<String, Path> value) {
    return new WasiGrant(args, env, value, stdout, stderr);
  }
}
