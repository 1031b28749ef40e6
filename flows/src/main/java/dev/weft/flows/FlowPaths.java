package dev.weft.flows;

import java.nio.file.Path;

/** Paths as messages show them: relative to the working folder when inside it. */
public final class FlowPaths {
  private FlowPaths() {}

  /** {@code path} relative to the working folder if it is inside it, else absolute. */
  public static String display(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath().normalize();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }
}
