package dev.weft.engine.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.wit.value.WitValue.Str;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One loaded (compiled) component serves instances on many threads at once. */
class ConcurrentInstancesTest {
  @Test
  void instancesOnManyThreadsShareOneCompiledComponent() throws Exception {
    LoadedComponent greet =
        ComponentLoader.load(
            Path.of("../examples/components/greet/greet.wasm"), LoadOptions.defaults());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int id = t;
        results.add(
            pool.submit(
                () -> {
                  int ok = 0;
                  try (ComponentInstance i = greet.instantiate()) {
                    for (int n = 0; n < 500; n++) {
                      String name = "t" + id + "-" + n;
                      if (i.call("greet", List.of(new Str(name)))
                          .equals(Optional.of(new Str("Hello, " + name + "!")))) {
                        ok++;
                      }
                    }
                  }
                  return ok;
                }));
      }
      for (Future<Integer> r : results) {
        assertEquals(500, r.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
