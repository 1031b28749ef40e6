package dev.weft.wit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.wit.model.Named;
import dev.weft.wit.model.Resolve;
import dev.weft.wit.model.TypeScope;
import dev.weft.wit.model.WorldId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WitLoadTest {
  @TempDir Path dir;

  @Test
  void folderWithDepsResolvesAndTheRootWorldIsSelected() throws IOException {
    write(
        "wit/shop.wit",
        "package shop:app;\nworld app {\n  import wasi:log/logging@1.0.0;\n"
            + "  export run: func();\n}\n");
    write(
        "wit/deps/log/log.wit",
        "package wasi:log@1.0.0;\ninterface logging {\n" + "  log: func(msg: string);\n}\n");
    WitLoad load = Wit.check(dir.resolve("wit"), Set.of());
    assertTrue(load.ok(), load.render());
    Resolve r = load.orThrow();
    WorldId app = load.world(Optional.empty());
    assertEquals("app", r.world(app).name());
    assertEquals(app, load.world(Optional.of("shop:app/app")));
    WitException e = assertThrows(WitException.class, () -> load.world(Optional.of("nope")));
    assertTrue(e.getMessage().contains("worlds: shop:app/app"), e.getMessage());
  }

  @Test
  void everyProblemIsReportedNotJustTheFirst() throws IOException {
    write(
        "bad.wit",
        "package a:b;\ninterface i {\n  f: func(x: nope);\n  g: func() -> also-nope;\n}\n");
    WitException e =
        assertThrows(WitException.class, () -> Wit.load(dir.resolve("bad.wit"), Set.of()));
    assertEquals(2, e.diagnostics().size());
    assertTrue(e.getMessage().startsWith("error[WIT0102]: type `nope` does not exist\n"));
    assertTrue(e.render().contains("`also-nope`"));
  }

  @Test
  void missingPathIsADiagnosticNotAnIoException() {
    WitLoad load = Wit.check(dir.resolve("nothing-here"), Set.of());
    assertFalse(load.ok());
    assertTrue(load.render().startsWith("error[WIT0200]"), load.render());
  }

  @Test
  void unstableItemsNeedTheirFeature() throws IOException {
    write("g.wit", "package a:b;\ninterface i {\n  @unstable(feature = fancy)\n  f: func();\n}\n");
    Resolve off = Wit.load(dir.resolve("g.wit"), Set.of());
    Resolve on = Wit.load(dir.resolve("g.wit"), Set.of("fancy"));
    assertTrue(off.interfaces().get(0).functions().isEmpty());
    assertEquals(1, on.interfaces().get(0).functions().size());
  }

  @Test
  void flowTypesResolveAgainstAWorldsTypes() throws IOException {
    write(
        "w.wit",
        "package a:b;\nworld w {\n  record order { id: u64 }\n"
            + "  export place: func(o: order);\n}\n");
    WitLoad load = Wit.check(dir.resolve("w.wit"), Set.of());
    TypeScope scope = TypeScope.of(load.orThrow(), load.world(Optional.empty()));
    var t = Wit.parseType("list<order>", new dev.weft.wit.diag.SourceMap(), 0, scope);
    assertTrue(t instanceof dev.weft.wit.model.ListType l && l.element() instanceof Named);
  }

  private void write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
