package dev.weft.engine.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.wit.value.WitValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCacheTest {
  private static final Path GREET =
      Path.of("").toAbsolutePath().getParent().resolve("examples/components/greet/greet.wasm");

  private static List<Path> entries(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".classes")).toList();
    }
  }

  private static String greet(LoadOptions options) {
    try (ComponentInstance i = ComponentLoader.load(GREET, options).instantiate()) {
      return ((WitValue.Str) i.call("greet", List.of(new WitValue.Str("cache"))).orElseThrow()).value();
    }
  }

  @Test
  void compiledClassesAreKeptAndReusedAcrossLoads(@TempDir Path dir) throws Exception {
    LoadOptions options = LoadOptions.defaults().withCompileCache(Optional.of(new CompileCache(dir)));
    assertEquals("Hello, cache!", greet(options));
    List<Path> first = entries(dir);
    assertEquals(1, first.size(), "one entry for greet's one core module");
    long written = Files.getLastModifiedTime(first.get(0)).toMillis();
    assertEquals("Hello, cache!", greet(options));
    assertEquals(written, Files.getLastModifiedTime(first.get(0)).toMillis(), "read, not rewritten");
  }

  @Test
  void anEntryServesLoadsWithAndWithoutGatedInterruptionChecks(@TempDir Path dir) throws Exception {
    for (boolean firstGated : new boolean[] {true, false}) {
      Path d = dir.resolve("first-gated-" + firstGated);
      LoadOptions options =
          LoadOptions.defaults().withCompileCache(Optional.of(new CompileCache(d)));
      assertEquals("Hello, cache!", greet(options.withGatedInterrupts(firstGated)));
      Path entry = entries(d).get(0);
      long written = Files.getLastModifiedTime(entry).toMillis();
      assertEquals("Hello, cache!", greet(options.withGatedInterrupts(!firstGated)));
      assertEquals(written, Files.getLastModifiedTime(entry).toMillis(), "read, not rewritten");
    }
  }

  @Test
  void aDamagedEntryIsRecompiledNotFatal(@TempDir Path dir) throws Exception {
    LoadOptions options = LoadOptions.defaults().withCompileCache(Optional.of(new CompileCache(dir)));
    greet(options);
    Path entry = entries(dir).get(0);
    Files.write(entry, new byte[] {1, 2, 3, 4});
    assertEquals("Hello, cache!", greet(options));
  }
}
