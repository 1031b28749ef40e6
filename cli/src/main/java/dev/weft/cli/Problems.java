package dev.weft.cli;

import dev.weft.engine.ErrorKind;
import dev.weft.engine.LoadedFlow;
import dev.weft.engine.RunException;
import dev.weft.flows.FlowException;
import java.io.PrintWriter;

/** How commands report problems: compiler-style diagnostics, or one line per failure. */
final class Problems {
  private Problems() {}

  /** A flow's diagnostics, rendered; a missing file is one line. */
  static String render(FlowException e) {
    if (e.diagnostics().size() == 1 && e.diagnostics().get(0).code().equals("FLOW0000")) {
      return "weft: " + e.diagnostics().get(0).message() + "\n";
    }
    int n = e.diagnostics().size();
    return e.render() + "\n" + n + (n == 1 ? " problem" : " problems") + " found\n";
  }

  /** Prints a failed run as one line and returns the exit code. */
  static int runFailed(Throwable cause, LoadedFlow flow, PrintWriter err) {
    if (cause instanceof RunException r) {
      if (r.inputError()) {
        err.println("weft: " + r.getMessage() + hint(r, flow));
        return Main.EXIT_USAGE;
      }
      err.println("weft: " + r.kind().name().toLowerCase() + " error in " + r.getMessage());
      return Main.EXIT_FAILED;
    }
    err.println("weft: the run failed: " + cause);
    return Main.EXIT_FAILED;
  }

  private static String hint(RunException r, LoadedFlow flow) {
    if (r.detail().startsWith("missing input `")) {
      String name = r.detail().substring("missing input `".length(), r.detail().indexOf('`', 15));
      return "; pass --input " + name + "=...";
    }
    return "";
  }
}
