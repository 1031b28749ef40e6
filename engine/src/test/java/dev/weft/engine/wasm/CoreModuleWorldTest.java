package dev.weft.engine.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.engine.LinkException;
import dev.weft.wit.binary.ComponentReader;
import dev.weft.wit.binary.ComponentTranslator;
import dev.weft.wit.value.WitValue.Handle;
import dev.weft.wit.value.WitValue.OptionValue;
import dev.weft.wit.value.WitValue.Str;
import dev.weft.wit.value.WitValue.U32;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A plain core module plus its WIT world loads like the component wit-component would make. */
class CoreModuleWorldTest {
  private static final Path DIR = Path.of("src/test/resources/components");

  private static CoreWorld world(ComponentDescription d) {
    List<ExportedFunction> exports = new ArrayList<>();
    d.exports().forEach((k, f) -> exports.add(new ExportedFunction(k, f)));
    List<ExportedFunction> imports = new ArrayList<>();
    d.imports().forEach((k, f) -> imports.add(new ExportedFunction(k, f)));
    return new CoreWorld(d.types(), exports, imports);
  }

  @Test
  void greetsCoreModuleRunsWithItsWorld() throws Exception {
    byte[] component = Files.readAllBytes(Path.of("../examples/components/greet/greet.wasm"));
    ComponentDescription d = ComponentLoader.describe(component, "greet.wasm");
    byte[] core =
        ComponentTranslator.translate(ComponentReader.read(component)).modules().get(0).bytes();
    LoadedComponent c =
        ComponentLoader.load(
            core, "greet.core.wasm", world(d), LoadOptions.defaults(), HostImports.none());
    try (ComponentInstance i = c.instantiate()) {
      assertEquals(Optional.of(new Str("Hello, core!")), i.call("greet", List.of(new Str("core"))));
      assertEquals(Optional.of(new U32(3)), i.call("count-chars", List.of(new Str("abc"))));
    }
  }

  @Test
  void importsAreLoweredStraightIntoTheModule() throws Exception {
    ComponentDescription d =
        ComponentLoader.describe(Files.readAllBytes(DIR.resolve("app.wasm")), "app.wasm");
    assertEquals(
        List.of(
            "test:host/store@0.1.0#[method]blob.size",
            "test:host/store@0.1.0#log",
            "test:host/store@0.1.0#lookup",
            "test:host/store@0.1.0#[constructor]blob"),
        List.copyOf(d.imports().keySet()));
    String s = "test:host/store@0.1.0#";
    List<String> log = new ArrayList<>();
    HostImports host =
        HostImports.builder()
            .withFunction(
                s + "log",
                a -> {
                  log.add(((Str) a.get(0)).value());
                  return Optional.empty();
                })
            .withFunction(
                s + "lookup",
                a -> Optional.of(OptionValue.some(new Str("v:" + ((Str) a.get(0)).value()))))
            .withFunction(s + "[constructor]blob", a -> Optional.of(new Handle(0)))
            .withFunction(s + "[method]blob.size", a -> Optional.of(new U32(0)))
            .build();
    byte[] core = Files.readAllBytes(DIR.resolve("app.core.wasm"));
    LoadedComponent c =
        ComponentLoader.load(core, "app.core.wasm", world(d), new LoadOptions(16, false), host);
    try (ComponentInstance i = c.instantiate()) {
      assertEquals(Optional.of(new Str("v:k")), i.call("run", List.of(new Str("k"))));
      assertEquals(List.of("k"), log);
      assertEquals(Optional.of(new U32(0)), i.call("blob-size", List.of(new U32(4))));
    }
  }

  @Test
  void importsTheWorldDoesNotDeclareAreNamed() throws Exception {
    ComponentDescription d =
        ComponentLoader.describe(Files.readAllBytes(DIR.resolve("app.wasm")), "app.wasm");
    CoreWorld empty = new CoreWorld(d.types(), List.of(), List.of());
    byte[] core = Files.readAllBytes(DIR.resolve("app.core.wasm"));
    LinkException e =
        assertThrows(
            LinkException.class,
            () ->
                ComponentLoader.load(
                    core, "app.core.wasm", empty, LoadOptions.defaults(), HostImports.none()));
    assertEquals(
        "`app.core.wasm` imports `test:host/store@0.1.0#log`, which its WIT world does not declare",
        e.getMessage());
  }
}
