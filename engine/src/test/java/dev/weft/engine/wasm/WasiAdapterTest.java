package dev.weft.engine.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.engine.LinkException;
import dev.weft.wit.value.WitValue.Str;
import dev.weft.wit.value.WitValue.U32;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import run.endive.wasi.WasiOptions;

/**
 * A component built from a WASI program (logger.wasm: the main module imports
 * wasi_snapshot_preview1, wit-component added its preview 1 adapter and the wasi:* imports the
 * adapter needs) runs on Endive's own WASI preview 1.
 */
class WasiAdapterTest {
  static final Path LOGGER = Path.of("src/test/resources/components/logger.wasm");

  @Test
  void theAdapterIsReplacedByTheRuntimesWasi() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HostImports host =
        HostImports.builder()
            .withWasiPreview1(WasiOptions.builder().withStdout(out).build())
            .build();
    LoadedComponent c = ComponentLoader.load(LOGGER, LoadOptions.defaults(), host);
    try (ComponentInstance i = c.instantiate()) {
      assertEquals(Optional.of(new U32(6)), i.call("say", List.of(new Str("héllo"))));
      assertEquals(Optional.of(new U32(1)), i.call("say", List.of(new Str("!"))));
    }
    assertEquals("héllo!", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void withoutWasiTheErrorSaysHowToGrantIt() {
    LinkException e =
        assertThrows(
            LinkException.class, () -> ComponentLoader.load(LOGGER, LoadOptions.defaults()));
    assertEquals(
        "`logger.wasm` is a WASI preview 1 program (it uses `wasi_snapshot_preview1`)"
            + " and is not granted WASI: grant it with `grants: {wasi: true}` in its flow"
            + " (docs/host.md), or HostImports.withWasiPreview1 when embedding",
        e.getMessage());
  }
}
