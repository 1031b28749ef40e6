package dev.weft.wit.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.weft.wit.Wit;
import dev.weft.wit.model.Own;
import dev.weft.wit.model.Resolve;
import dev.weft.wit.model.TypeDef;
import dev.weft.wit.model.TypeOwner;
import dev.weft.wit.model.World;
import dev.weft.wit.model.WorldItem;
import dev.weft.wit.model.WorldKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeResolverTest {
  @Test
  void includedWorldTypesBecomeTheIncludingWorldsOwnUnderTheirNewNames(@TempDir Path dir)
      throws Exception {
    Path wit = dir.resolve("w.wit");
    Files.writeString(
        wit,
        "package foo:foo;\n\n"
            + "world a {\n"
            + "  resource r {\n"
            + "    constructor();\n"
            + "  }\n"
            + "  import f: func(x: r) -> option<r>;\n"
            + "}\n\n"
            + "world b {\n"
            + "  include a with { r as s }\n"
            + "}\n");
    Resolve res = Wit.load(wit, Set.of());
    var pkg = res.pkg(res.findPackage(res.packages().get(0).name()).orElseThrow());
    World a = res.world(pkg.worlds().get("a"));
    World b = res.world(pkg.worlds().get("b"));
    var s = ((WorldItem.TypeItem) b.imports().get(WorldKey.of("s"))).id();
    var r = ((WorldItem.TypeItem) a.imports().get(WorldKey.of("r"))).id();
    assertNotEquals(r, s, "world b has its own copy");
    TypeDef sDef = res.type(s);
    assertEquals(Optional.of("s"), sDef.name());
    assertEquals(TypeOwner.of(pkg.worlds().get("b")), sDef.owner());
    var f = ((WorldItem.FunctionItem) b.imports().get(WorldKey.of("f"))).function();
    assertEquals(new Own(s), f.params().get(0).type());
    var ctor = ((WorldItem.FunctionItem) b.imports().get(WorldKey.of("[constructor]s"))).function();
    assertEquals(Optional.of(s), ctor.kind().resource());
    assertEquals("[constructor]s", ctor.name());
  }
}
