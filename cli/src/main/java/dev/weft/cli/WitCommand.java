package dev.weft.cli;

import dev.weft.wit.Wit;
import dev.weft.wit.WitLoad;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft wit check PATH} and {@code weft wit print PATH}. */
@Command(
    name = "wit",
    mixinStandardHelpOptions = true,
    description = "Checks or prints WIT: a .wit file, a .wit.md file, or a package folder with deps/.",
    subcommands = {WitCommand.Check.class, WitCommand.Print.class})
final class WitCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** Options both subcommands take. */
  static class Target {
    @Parameters(index = "0", paramLabel = "PATH", description = "a .wit or .wit.md file, or a package folder")
    Path path;

    @Option(names = "--features", split = ",", paramLabel = "NAME",
        description = "enable @unstable(feature = NAME) items (comma-separated)")
    List<String> features = List.of();

    WitLoad load(PrintWriter err) {
      if (path.toString().endsWith(".wasm") && Files.isRegularFile(path)) {
        return null;
      }
      return Wit.check(path, new HashSet<>(features));
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = {"Resolves WIT and reports every problem with file:line:col.",
          "Exit code 0 when it resolves, 1 otherwise."})
  static final class Check extends Target implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      WitLoad load = load(err);
      if (load == null) {
        return binary(err);
      }
      if (!load.diagnostics().isEmpty()) {
        err.print(load.render());
        err.flush();
      }
      if (!load.ok()) {
        long n = load.diagnostics().size();
        err.println(n + (n == 1 ? " problem" : " problems") + " found");
        return 1;
      }
      var r = load.resolve().orElseThrow();
      out.println("ok: " + path + " (" + load.roots().size() + " package" + (load.roots().size() == 1 ? "" : "s")
          + ", " + r.interfaces().size() + " interfaces, " + r.worlds().size() + " worlds, "
          + r.types().size() + " types)");
      return 0;
    }
  }

  @Command(name = "print", mixinStandardHelpOptions = true,
      description = "Prints the resolved packages as canonical WIT.")
  static final class Print extends Target implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      WitLoad load = load(err);
      if (load == null) {
        return binary(err);
      }
      if (!load.ok()) {
        err.print(load.render());
        err.flush();
        return 1;
      }
      spec.commandLine().getOut().print(Wit.print(load.resolve().orElseThrow(), load.roots()));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  private static int binary(PrintWriter err) {
    err.println("weft: `weft wit` reads WIT text; for a component binary use `weft inspect FILE.wasm`, "
        + "which prints its world");
    return Main.EXIT_USAGE;
  }
}
