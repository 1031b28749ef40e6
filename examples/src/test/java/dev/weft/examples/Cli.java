package dev.weft.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code weft} launcher as a separate process from the project root, as a user
 * would, and captures what it prints.
 */
final class Cli {
  /** The project root: the examples module's parent. */
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  /** What a finished process said. */
  record Result(int exit, String out, String err) {}

  private Cli() {}

  static Result weft(String... args) throws IOException, InterruptedException {
    return weft(Map.of(), args);
  }

  /** Runs {@code weft args...} with the variables {@code env} added to its environment. */
  static Result weft(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("weft").toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
    pb.environment().remove("WEFT_JAVA_OPTS");
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<String> out = drain(p.getInputStream());
    CompletableFuture<String> err = drain(p.getErrorStream());
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("weft " + String.join(" ", args) + " did not finish in 180 s");
    }
    return new Result(p.exitValue(), out.join(), err.join());
  }

  static boolean built() {
    return Files.isRegularFile(ROOT.resolve("cli/target/weft-cli.jar"));
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "<unreadable: " + e + ">";
      }
    });
  }
}
