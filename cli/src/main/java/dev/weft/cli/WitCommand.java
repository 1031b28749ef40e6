package dev.weft.cli;

import dev.weft.wit.Wit;
import dev.weft.wit.WitLoad;
import dev.weft.wit.files.BinaryWit;
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
    description = "Checks or prints WIT: a .wit file, a .wit.md file, a package folder with deps/,"
        + " or the WIT of a component (.wasm) or of component text (.wat).",
    subcommands = {WitCommand.Check.class, WitCommand.Print.class})
final class WitCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** Options both subcommands take. */
  static class Target {
    @Parameters(index = "0", paramLabel = "PATH",
        description = "a .wit or .wit.md file, a package folder, a component binary (.wasm) or component text (.wat)")
    Path path;

    @Option(names = "--features", split = ",", paramLabel = "NAME",
        description = "enable @unstable(feature = NAME) items (comma-separated)")
    List<String> features = List.of();

    WitLoad load() {
      return Wit.check(path, new HashSet<>(features));
    }

    /** Whether the path is a binary or component text, whose WIT carries its dependencies. */
    boolean binary() {
      return BinaryWit.handles(path) && Files.isRegularFile(path);
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
      WitLoad load = load();
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
      // A binary carries the parts of the packages it uses: count them all.
      int packages = binary() ? r.packages().size() : load.roots().size();
      out.println("ok: " + path + " (" + packages + " package" + (packages == 1 ? "" : "s")
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
      WitLoad load = load();
      if (!load.ok()) {
        err.print(load.render());
        err.flush();
        return 1;
      }
      var resolve = load.resolve().orElseThrow();
      spec.commandLine().getOut().print(binary()
          ? Wit.printWithDependencies(resolve, load.roots())
          : Wit.print(resolve, load.roots()));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
