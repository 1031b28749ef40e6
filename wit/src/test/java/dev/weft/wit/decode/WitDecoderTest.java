package dev.weft.wit.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.wit.Wit;
import dev.weft.wit.WitLoad;
import dev.weft.wit.binary.BinaryFormatException;
import dev.weft.wit.binary.UnsupportedComponentException;
import dev.weft.wit.conformance.ModelDump;
import dev.weft.wit.model.Interface;
import dev.weft.wit.model.PackageName;
import dev.weft.wit.model.Resolve;
import dev.weft.wit.model.Stability;
import dev.weft.wit.model.World;
import dev.weft.wit.model.WorldItem;
import dev.weft.wit.model.WorldKey;
import dev.weft.wit.wat.WatComponent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class WitDecoderTest {
  static final Path DIR = Path.of("src/test/resources/decode");

  static byte[] read(String name) throws IOException {
    return Files.readAllBytes(DIR.resolve(name));
  }

  @Test
  void embeddedWorldDecodesToTheModelItsWitResolvesTo() throws IOException {
    WitDecoder.Decoded d = WitDecoder.decode(read("app.core.wasm"));
    assertEquals(WitDecoder.Form.CORE_MODULE, d.form());
    assertEquals("app", d.resolve().world(d.world().orElseThrow()).name());
    Resolve text = Wit.load(DIR.resolve("app"), Set.of());
    assertEquals(ModelDump.of(text), ModelDump.of(d.resolve()));
  }

  @Test
  void componentDecodesToWorldRootWithItsUsesAndResources(@TempDir Path tmp) throws IOException {
    WitDecoder.Decoded d = WitDecoder.decode(read("app.component.wasm"));
    assertEquals(WitDecoder.Form.COMPONENT, d.form());
    Resolve r = d.resolve();
    assertEquals(new PackageName("root", "component", Optional.empty()), r.pkg(d.pkg()).name());
    World root = r.world(d.world().orElseThrow());
    assertEquals("root", root.name());
    // `use types.{point}` in the world is a type import aliasing the interface's type.
    WorldItem point = root.imports().get(WorldKey.of("point"));
    assertTrue(point instanceof WorldItem.TypeItem, "point is a type import");
    golden("app.component.wasm", Wit.printWithDependencies(r, List.of(d.pkg())), tmp);
  }

  @Test
  void packageInComponentTextKeepsDocsGatesVersionsAndImplements(@TempDir Path tmp)
      throws IOException {
    WitLoad load = Wit.check(DIR.resolve("pkg.wat"), Set.of());
    assertTrue(load.ok(), load.render());
    Resolve r = load.resolve().orElseThrow();
    var pkg = r.pkg(load.roots().get(0));
    assertEquals("A hand-written package.", pkg.docs().contents().orElseThrow());
    Interface shapes = r.iface(pkg.interfaces().get("shapes"));
    assertEquals(Stability.Level.STABLE, shapes.functions().get("origin").stability().level());
    assertTrue(r.findPackage(new PackageName("wasi", "clocks", Optional.of("0.2.3"))).isPresent());
    World app = r.world(pkg.worlds().get("app"));
    WorldItem backup = app.imports().get(WorldKey.of("backup"));
    assertEquals(
        pkg.interfaces().get("shapes"), ((WorldItem.InterfaceItem) backup).id(), "implements");
    golden("pkg.wat", Wit.printWithDependencies(r, load.roots()), tmp);
  }

  @Test
  void componentTextAndItsBinaryDecodeAlike() throws IOException {
    Resolve text =
        WitDecoder.decode(WatComponent.sections(Files.readString(DIR.resolve("pkg.wat"))))
            .resolve();
    Resolve binary = WitDecoder.decode(read("pkg.wasm")).resolve();
    assertEquals(ModelDump.of(binary), ModelDump.of(text));
  }

  /**
   * Binaries of the repository that WIT cannot describe, with the reason given: the engine's
   * hand-written fixtures export types at the top level of the component (WIT worlds cannot export
   * types), and one is a bare core module.
   */
  private static final Map<String, String> NOT_WIT =
      Map.of(
          "../engine/src/test/resources/components/counter.wasm",
          "export `counter` is not a function or an instance",
          "../engine/src/test/resources/components/echo.wasm",
          "export `point` is not a function or an instance",
          "../engine/src/test/resources/components/hostile.wasm",
          "export `color` is not a function or an instance",
          "../engine/src/test/resources/components/app.core.wasm",
          "without a `component-type` custom section");

  /** The features of every {@code @unstable} item, so that reading the text back keeps them. */
  private static Set<String> features(Resolve r) {
    Set<String> out = new java.util.HashSet<>();
    java.util.function.Consumer<Stability> add =
        s -> {
          if (s.level() == Stability.Level.UNSTABLE) {
            out.add(s.value().orElseThrow());
          }
        };
    r.interfaces()
        .forEach(
            i -> {
              add.accept(i.stability());
              i.functions().values().forEach(f -> add.accept(f.stability()));
            });
    r.types().forEach(t -> add.accept(t.stability()));
    r.worlds()
        .forEach(
            w -> {
              add.accept(w.stability());
              for (var items : List.of(w.imports(), w.exports())) {
                items
                    .values()
                    .forEach(
                        item -> {
                          if (item instanceof WorldItem.FunctionItem f) {
                            add.accept(f.function().stability());
                          } else if (item instanceof WorldItem.InterfaceItem ii) {
                            add.accept(ii.stability());
                          }
                        });
              }
            });
    return out;
  }

  /** Every component binary in the repository: its WIT prints as text that resolves to it. */
  @TestFactory
  Stream<DynamicTest> everyComponentInTheRepositoryPrintsAsWitThatParsesBack(@TempDir Path tmp)
      throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path dir :
        List.of(
            Path.of("../examples/components"),
            Path.of("../engine/src/test/resources/components"),
            DIR)) {
      try (Stream<Path> s = Files.walk(dir, 2)) {
        s.filter(p -> p.toString().endsWith(".wasm") && !p.toString().contains("node_modules"))
            .sorted()
            .forEach(files::add);
      }
    }
    assertTrue(files.size() >= 20, "found " + files);
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.toString(),
                    () -> {
                      WitLoad load = Wit.check(f, Set.of());
                      String refused = NOT_WIT.get(f.toString().replace('\\', '/'));
                      if (refused != null) {
                        assertFalse(load.ok());
                        assertTrue(load.render().contains(refused), load.render());
                        return;
                      }
                      assertTrue(load.ok(), load.render());
                      Resolve r = load.resolve().orElseThrow();
                      String printed = Wit.printWithDependencies(r, load.roots());
                      Path again = tmp.resolve(f.getFileName() + ".wit");
                      Files.writeString(again, printed);
                      WitLoad reparsed = Wit.check(again, features(r));
                      assertTrue(reparsed.ok(), () -> reparsed.render() + "\n" + printed);
                      assertEquals(
                          ModelDump.of(r), ModelDump.of(reparsed.resolve().orElseThrow()), printed);
                    }));
  }

  @Test
  void truncatedComponentNamesTheByteOffset() throws IOException {
    byte[] whole = read("app.component.wasm");
    byte[] cut = java.util.Arrays.copyOf(whole, 200);
    BinaryFormatException e =
        assertThrows(BinaryFormatException.class, () -> WitDecoder.decode(cut));
    assertTrue(e.offset() > 8 && e.offset() < 200, e.getMessage());
    assertTrue(
        e.getMessage()
            .matches("at byte \\d+: expected section \\d+ of \\d+ bytes, but only \\d+ remain"),
        e.getMessage());
  }

  @Test
  void corruptedBinariesFailWithFormatOrUnsupportedErrorsOnly() throws IOException {
    byte[] whole = read("app.component.wasm");
    Random random = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      byte[] b = whole.clone();
      for (int k = 0; k < 1 + random.nextInt(4); k++) {
        b[8 + random.nextInt(b.length - 8)] = (byte) random.nextInt(256);
      }
      try {
        WitDecoder.decode(b);
      } catch (BinaryFormatException | UnsupportedComponentException expected) {
        // a diagnostic, as it should be
      } catch (RuntimeException e) {
        fail("flip set " + i + " threw " + e, e);
      }
    }
  }

  @Test
  void recordWithoutANameIsRefusedWithTheReason() {
    String wat =
        "(component (type $c (component (export \"a:b/x\" (instance"
            + " (type $r (record (field \"a\" u32)))"
            + " (export \"f\" (func (param \"p\" $r)))))))"
            + " (export \"x\" (type $c)))";
    UnsupportedComponentException e =
        assertThrows(
            UnsupportedComponentException.class,
            () -> WitDecoder.decode(WatComponent.sections(wat)));
    assertTrue(
        e.getMessage().contains("`f` uses a record type that no import or export names"),
        e.getMessage());
  }

  @Test
  void coreModuleWithoutAWorldSaysSo() {
    byte[] core = {0, 'a', 's', 'm', 1, 0, 0, 0};
    UnsupportedComponentException e =
        assertThrows(UnsupportedComponentException.class, () -> WitDecoder.decode(core));
    assertTrue(e.getMessage().contains("without a `component-type` custom section"));
  }

  @Test
  void deeplyNestedComponentsAreAnErrorNotAStackOverflow() {
    byte[] c = component(new byte[0]);
    for (int i = 0; i < 300; i++) {
      c = component(instantiating(c, 1));
    }
    byte[] deep = c;
    BinaryFormatException e =
        assertThrows(BinaryFormatException.class, () -> WitDecoder.decode(deep));
    assertTrue(e.getMessage().contains("nested at most 100 deep"), e.getMessage());
  }

  @Test
  void instantiationsThatMultiplyAreCutOffByABudget() {
    byte[] c = component(new byte[0]);
    for (int i = 0; i < 30; i++) {
      c = component(instantiating(c, 2));
    }
    byte[] wide = c;
    BinaryFormatException e =
        assertThrows(BinaryFormatException.class, () -> WitDecoder.decode(wide));
    assertTrue(e.getMessage().contains("nested component instantiations"), e.getMessage());
  }

  // ---- helpers ----

  private static void golden(String fixture, String printed, Path tmp) throws IOException {
    Path expected = DIR.resolve(fixture + ".expected");
    if (Boolean.getBoolean("bless")) {
      Files.writeString(expected, printed, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(expected), "no " + expected + "; run with -Dbless=true to write it");
    assertEquals(Files.readString(expected).replace("\r\n", "\n"), printed);
    Path again = tmp.resolve(fixture + ".wit");
    Files.writeString(again, printed);
    assertFalse(!Wit.check(again, Set.of()).ok(), "printed WIT parses again");
  }

  /** A component of one nested component section holding {@code nested}, instantiated n times. */
  private static byte[] instantiating(byte[] nested, int times) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    section(out, 4, nested);
    ByteArrayOutputStream inst = new ByteArrayOutputStream();
    inst.write(times);
    for (int i = 0; i < times; i++) {
      inst.write(0x00); // instantiate
      inst.write(0x00); // component 0
      inst.write(0x00); // no arguments
    }
    section(out, 5, inst.toByteArray());
    return out.toByteArray();
  }

  private static byte[] component(byte[] sections) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0, 'a', 's', 'm', 0x0d, 0, 1, 0});
    out.writeBytes(sections);
    return out.toByteArray();
  }

  private static void section(ByteArrayOutputStream out, int id, byte[] body) {
    out.write(id);
    int n = body.length;
    do {
      int b = n & 0x7f;
      n >>>= 7;
      out.write(n == 0 ? b : b | 0x80);
    } while (n != 0);
    out.writeBytes(body);
  }
}
