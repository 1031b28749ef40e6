package dev.weft.cli;

import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code weft} command line: one subcommand class per command. */
@Command(
    name = "weft",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Runs flows of WIT-typed WebAssembly components.",
    subcommands = {
      RunCommand.class,
      CheckCommand.class,
      GraphCommand.class,
      WitCommand.class,
      InspectCommand.class,
      InvokeCommand.class,
      ServeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Exit code of a run whose flow failed (a trap, a timeout...). */
  static final int EXIT_FAILED = 1;

  /** Exit code of bad usage or bad input: unknown option, missing input, invalid flow. */
  static final int EXIT_USAGE = 2;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI with the given streams and returns its exit code; used by tests too. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    Logger.getLogger("").setLevel(Level.WARNING);
    GuestLogging.install();
    CommandLine cli = new CommandLine(new Main());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          err.println("weft: internal error: " + e);
          if (System.getenv("WEFT_DEBUG") != null) {
            e.printStackTrace(err);
          } else {
            err.println("(set WEFT_DEBUG=1 for the stack trace, and please report it)");
          }
          return 70;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {
        "weft " + (v == null ? "dev" : v),
        "JVM " + System.getProperty("java.vm.name") + " " + Runtime.version()
      };
    }
  }
}
