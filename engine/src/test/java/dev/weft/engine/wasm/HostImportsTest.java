package dev.weft.engine.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.engine.EngineException;
import dev.weft.engine.ErrorKind;
import dev.weft.engine.LinkException;
import dev.weft.wit.value.WitValue.Bytes;
import dev.weft.wit.value.WitValue.Handle;
import dev.weft.wit.value.WitValue.OptionValue;
import dev.weft.wit.value.WitValue.Str;
import dev.weft.wit.value.WitValue.U32;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A wit-component build (app.wasm: main module, shim module, fixup module) importing host functions
 * and a host resource; the host's functions run in the middle of the guest's calls.
 */
class HostImportsTest {
  static final Path APP = Path.of("src/test/resources/components/app.wasm");
  static final String STORE = "test:host/store@0.1.0#";

  /** A host that logs, looks keys up in a map, and keeps blobs in a list. */
  private static final class Host {
    final List<String> log = new ArrayList<>();
    final List<byte[]> blobs = new ArrayList<>();
    final List<Integer> dropped = new ArrayList<>();

    HostImports imports() {
      Map<String, String> data = Map.of("weft", "flows");
      return HostImports.builder()
          .withFunction(
              STORE + "log",
              args -> {
                log.add(((Str) args.get(0)).value());
                return Optional.empty();
              })
          .withFunction(
              STORE + "lookup",
              args -> {
                String v = data.get(((Str) args.get(0)).value());
                return Optional.of(v == null ? OptionValue.NONE : OptionValue.some(new Str(v)));
              })
          .withFunction(
              STORE + "[constructor]blob",
              args -> {
                blobs.add(((Bytes) args.get(0)).toArray());
                return Optional.of(new Handle(blobs.size() - 1));
              })
          .withFunction(
              STORE + "[method]blob.size",
              args -> Optional.of(new U32(blobs.get(((Handle) args.get(0)).index()).length)))
          .withResourceDrop("blob", dropped::add)
          .build();
    }
  }

  @Test
  void importsMissingFromTheHostAreNamed() {
    LinkException e =
        assertThrows(LinkException.class, () -> ComponentLoader.load(APP, LoadOptions.defaults()));
    assertEquals(
        "`app.wasm` imports `test:host/store@0.1.0#[method]blob.size`, `test:host/store@0.1.0#log`,"
            + " `test:host/store@0.1.0#lookup`, `test:host/store@0.1.0#[constructor]blob`, which"
            + " the host does not provide",
        e.getMessage());
  }

  @Test
  void guestCallsHostFunctionsThroughWitComponentsShims() {
    Host host = new Host();
    LoadedComponent c = ComponentLoader.load(APP, LoadOptions.defaults(), host.imports());
    try (ComponentInstance i = c.instantiate()) {
      assertEquals(Optional.of(new Str("flows")), i.call("run", List.of(new Str("weft"))));
      assertEquals(Optional.of(new Str("none")), i.call("run", List.of(new Str("élan"))));
      assertEquals(List.of("weft", "élan"), host.log);
    }
  }

  @Test
  void hostResourcesCrossAsHandlesAndDropsReachTheHost() {
    Host host = new Host();
    LoadedComponent c = ComponentLoader.load(APP, new LoadOptions(16, false), host.imports());
    try (ComponentInstance i = c.instantiate()) {
      assertEquals(Optional.of(new U32(5)), i.call("blob-size", List.of(new U32(5))));
      assertEquals(Optional.of(new U32(300)), i.call("blob-size", List.of(new U32(300))));
      assertEquals(List.of(0, 1), host.dropped);
    }
  }

  @Test
  void aFailingHostFunctionEndsTheCallWithItsError() {
    HostImports imports =
        HostImports.builder()
            .withFunction(
                STORE + "log",
                args -> {
                  throw new EngineException(ErrorKind.HOST, "log is down");
                })
            .withFunction(STORE + "lookup", args -> Optional.of(new U32(1)))
            .withFunction(STORE + "[constructor]blob", args -> Optional.of(new Handle(0)))
            .withFunction(STORE + "[method]blob.size", args -> Optional.of(new U32(0)))
            .build();
    LoadedComponent c = ComponentLoader.load(APP, LoadOptions.defaults(), imports);
    ComponentInstance i = c.instantiate();
    EngineException e =
        assertThrows(EngineException.class, () -> i.call("run", List.of(new Str("x"))));
    assertEquals("log is down", e.getMessage());
    assertThrows(
        EngineException.class, () -> i.call("run", List.of(new Str("x"))), "the instance is done");
  }

  @Test
  void aHostResultOfTheWrongTypeIsAHostError() {
    HostImports imports =
        HostImports.builder()
            .withFunction(STORE + "log", args -> Optional.empty())
            .withFunction(STORE + "lookup", args -> Optional.of(new U32(1)))
            .withFunction(STORE + "[constructor]blob", args -> Optional.of(new Handle(0)))
            .withFunction(STORE + "[method]blob.size", args -> Optional.of(new U32(0)))
            .build();
    ComponentInstance i = ComponentLoader.load(APP, LoadOptions.defaults(), imports).instantiate();
    EngineException e =
        assertThrows(EngineException.class, () -> i.call("run", List.of(new Str("x"))));
    assertEquals(ErrorKind.HOST, e.kind());
    assertTrue(
        e.getMessage()
            .contains("host function `test:host/store@0.1.0#lookup` returned a bad value"),
        e.getMessage());
  }
}
