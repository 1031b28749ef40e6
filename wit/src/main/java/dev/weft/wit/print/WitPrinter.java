package dev.weft.wit.print;

import dev.weft.wit.model.Function;
import dev.weft.wit.model.Interface;
import dev.weft.wit.model.InterfaceId;
import dev.weft.wit.model.PackageId;
import dev.weft.wit.model.Resolve;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.WitPackage;
import dev.weft.wit.model.World;
import dev.weft.wit.model.WorldId;
import dev.weft.wit.model.WorldItem;
import dev.weft.wit.model.WorldKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes resolved packages as canonical WIT text: the first package with a {@code package ..;}
 * header, any others as {@code package .. { }} blocks, so the output is one file that parses back
 * to the same packages. Worlds print in elaborated form (the interfaces they need implicitly are
 * listed, includes are merged in), which resolves to the same world. Thread-safe.
 */
public final class WitPrinter {
  private final Resolve resolve;
  private final Out out = new Out();

  private WitPrinter(Resolve resolve) {
    this.resolve = resolve;
  }

  /** {@code packages} of {@code resolve}, the first as the file's own package. */
  public static String print(Resolve resolve, List<PackageId> packages) {
    WitPrinter p = new WitPrinter(resolve);
    for (int i = 0; i < packages.size(); i++) {
      p.pkg(packages.get(i), i > 0);
    }
    return p.out.toString();
  }

  /**
   * Every package of {@code resolve} in one file, sorted by name so the text does not depend on
   * arena order; the first is the file's own package, the others are nested blocks.
   */
  public static String printAll(Resolve resolve) {
    List<PackageId> ids = new ArrayList<>();
    for (int i = 0; i < resolve.packages().size(); i++) {
      ids.add(new PackageId(i));
    }
    ids.sort(Comparator.comparing(id -> resolve.pkg(id).name().toString()));
    return print(resolve, ids);
  }

  private void pkg(PackageId id, boolean nested) {
    WitPackage p = resolve.pkg(id);
    out.blank();
    out.docs(p.docs());
    if (nested) {
      out.open("package " + packageName(p));
    } else {
      out.line("package " + packageName(p) + ";");
    }
    for (InterfaceId i : p.interfaces().values()) {
      out.blank();
      Interface iface = resolve.iface(i);
      out.docs(iface.docs());
      out.gate(iface.stability());
      out.open("interface " + Out.id(iface.name().orElseThrow()));
      new BodyPrinter(resolve, out, Optional.of(id))
          .body(iface.types().values(), iface.functions().values());
      out.close();
    }
    for (WorldId w : p.worlds().values()) {
      out.blank();
      world(resolve.world(w), id);
    }
    if (nested) {
      out.close();
    }
  }

  private static String packageName(WitPackage p) {
    return Out.id(p.name().namespace())
        + ":"
        + Out.id(p.name().name())
        + p.name().version().map(v -> "@" + v).orElse("");
  }

  private void world(World w, PackageId pkg) {
    out.docs(w.docs());
    out.gate(w.stability());
    out.open("world " + Out.id(w.name()));
    BodyPrinter body = new BodyPrinter(resolve, out, Optional.of(pkg));
    List<TypeId> types = new ArrayList<>();
    List<Function> resourceFuncs = new ArrayList<>();
    for (WorldItem item : w.imports().values()) {
      if (item instanceof WorldItem.TypeItem t) {
        types.add(t.id());
      } else if (item instanceof WorldItem.FunctionItem f
          && f.function().kind().resource().isPresent()) {
        resourceFuncs.add(f.function());
      }
    }
    items("import", w.imports(), body, pkg);
    body.body(types, resourceFuncs);
    items("export", w.exports(), body, pkg);
    out.close();
  }

  private void items(
      String direction, Map<WorldKey, WorldItem> items, BodyPrinter body, PackageId pkg) {
    for (Map.Entry<WorldKey, WorldItem> e : items.entrySet()) {
      WorldItem item = e.getValue();
      if (item instanceof WorldItem.InterfaceItem i) {
        Interface iface = resolve.iface(i.id());
        if (e.getKey().iface().isPresent()) {
          out.gate(i.stability());
          out.line(direction + " " + body.path(i.id()) + ";");
        } else if (iface.name().isEmpty()) {
          out.docs(iface.docs());
          out.gate(i.stability());
          out.open(direction + " " + Out.id(e.getKey().name().get()) + ": interface");
          new BodyPrinter(resolve, out, Optional.of(pkg))
              .body(iface.types().values(), iface.functions().values());
          out.close();
        } else {
          out.gate(i.stability());
          out.line(
              direction + " " + Out.id(e.getKey().name().get()) + ": " + body.path(i.id()) + ";");
        }
      } else if (item instanceof WorldItem.FunctionItem f
          && f.function().kind().resource().isEmpty()) {
        Function fn = f.function();
        out.docs(fn.docs());
        out.gate(fn.stability());
        out.line(
            direction + " " + Out.id(e.getKey().name().get()) + ": " + body.funcType(fn, 0) + ";");
      }
    }
  }
}
