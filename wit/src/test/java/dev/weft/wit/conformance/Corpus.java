package dev.weft.wit.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the shared conformance corpus by walking up from the working directory to the folder that
 * holds {@code shared/conformance} (the repository's sibling), so no machine path is baked into the
 * tests. The system property {@code weft.conformance} overrides the search.
 */
final class Corpus {
  private Corpus() {}

  static Optional<Path> witParserUi() {
    String override = System.getProperty("weft.conformance");
    if (override != null && !override.isBlank()) {
      return Optional.of(Paths.get(override, "wit-parser-ui")).filter(Files::isDirectory);
    }
    for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("shared").resolve("conformance").resolve("wit-parser-ui");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The cases of a corpus folder: every entry except expectations, licences and sub-suites. */
  static List<Path> cases(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().endsWith(".result"))
          .filter(p -> !p.getFileName().toString().startsWith("LICENSE"))
          .filter(p -> !p.getFileName().toString().equals("parse-fail"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
