package dev.weft.wit.resolve;

import dev.weft.wit.ast.Ident;
import dev.weft.wit.ast.Member;
import dev.weft.wit.ast.TopItem;
import dev.weft.wit.ast.WorldMember;
import dev.weft.wit.model.Docs;
import dev.weft.wit.model.Interface;
import dev.weft.wit.model.InterfaceId;
import dev.weft.wit.model.PackageId;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.TypeOwner;
import dev.weft.wit.model.World;
import dev.weft.wit.model.WorldItem;
import dev.weft.wit.model.WorldKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves one world: its types and uses (as an interface body would), its imports and exports,
 * then its includes, then elaboration ({@link WorldElaborator}). Plain names must be unique among
 * the imports and among the exports, ignoring case (kebab names are case-insensitive).
 */
final class WorldResolver {
  private final Body body;
  private final Map<WorldKey, WorldItem> imports = new LinkedHashMap<>();
  private final Map<WorldKey, WorldItem> exports = new LinkedHashMap<>();
  private final NameTable importNames;
  private final NameTable exportNames;

  WorldResolver(Body body) {
    this.body = body;
    this.importNames = new NameTable("import", body.diags());
    this.exportNames = new NameTable("export", body.diags());
  }

  World resolve(TopItem.WorldDecl decl, Gates.Gate worldGate, Optional<PackageId> pkg) {
    List<Member> shared = new ArrayList<>();
    List<WorldMember> included = new ArrayList<>();
    for (WorldMember m : decl.members()) {
      if (m instanceof WorldMember.Shared s) {
        shared.add(s.member());
      }
      included.add(m);
    }
    InterfaceResolver.Result own = new InterfaceResolver(body).resolve(shared);
    for (WorldMember m : included) {
      switch (m.form()) {
        case MEMBER -> sharedNames(((WorldMember.Shared) m).member(), own);
        case IMPORT_EXPORT -> importExport((WorldMember.ImportExport) m);
        case INCLUDE -> {}
      }
    }
    own.functions()
        .forEach((name, fn) -> imports.put(WorldKey.of(name), new WorldItem.FunctionItem(fn)));
    for (WorldMember m : included) {
      if (m instanceof WorldMember.IncludeDecl inc
          && body.gates().of(inc.attributes(), body.pkg()).included()) {
        new IncludeResolver(body, imports, exports, importNames, exportNames).include(inc);
      }
    }
    WorldElaborator.Elaborated e =
        new WorldElaborator(body.arenas(), body.diags())
            .elaborate(imports, exports, decl.name().span());
    return new World(
        decl.name().name(), e.imports(), e.exports(), pkg, decl.docs(), worldGate.stability());
  }

  /** World types are imports named after the type. */
  private void sharedNames(Member m, InterfaceResolver.Result own) {
    List<Ident> names = new ArrayList<>();
    if (m instanceof Member.TypeDecl t) {
      names.add(t.name());
    } else if (m instanceof Member.UseDecl u) {
      u.names().forEach(n -> names.add(n.localName()));
    }
    for (Ident n : names) {
      TypeId t = own.types().get(n.name());
      if (t != null && importNames.claim(n, "type")) {
        imports.put(WorldKey.of(n.name()), new WorldItem.TypeItem(t));
      }
    }
  }

  private void importExport(WorldMember.ImportExport ie) {
    Gates.Gate gate = body.gates().of(ie.attributes(), body.pkg());
    if (!gate.included()) {
      return;
    }
    Map<WorldKey, WorldItem> into = ie.export() ? exports : imports;
    NameTable names = ie.export() ? exportNames : importNames;
    WorldMember.Extern x = ie.extern();
    switch (x.form()) {
      case FUNC -> {
        WorldMember.Extern.Func f = (WorldMember.Extern.Func) x;
        if (names.claim(f.name(), "func")) {
          new FunctionResolver(body)
              .freestanding(f.name(), f.type(), ie.docs(), gate.stability())
              .ifPresent(fn -> into.put(WorldKey.of(fn.name()), new WorldItem.FunctionItem(fn)));
        }
      }
      case INLINE_INTERFACE -> {
        WorldMember.Extern.InlineInterface i = (WorldMember.Extern.InlineInterface) x;
        if (names.claim(i.name(), "interface")) {
          InterfaceId iface = inline(i, ie.docs(), gate);
          into.put(
              WorldKey.of(i.name().name()), new WorldItem.InterfaceItem(iface, gate.stability()));
        }
      }
      case PATH -> {
        WorldMember.Extern.Path p = (WorldMember.Extern.Path) x;
        body.paths()
            .iface(p.path())
            .ifPresent(
                iface -> {
                  WorldKey key = WorldKey.of(iface);
                  if (into.containsKey(key)) {
                    body.diags()
                        .error(
                            "WIT0131",
                            "interface cannot be "
                                + (ie.export() ? "exported" : "imported")
                                + " more than once",
                            p.path().span(),
                            "remove the repeated `" + (ie.export() ? "export" : "import") + "`");
                  } else {
                    into.put(key, new WorldItem.InterfaceItem(iface, gate.stability()));
                  }
                });
      }
      case NAMED_PATH -> {
        WorldMember.Extern.NamedPath p = (WorldMember.Extern.NamedPath) x;
        Optional<InterfaceId> iface = body.paths().iface(p.path());
        if (iface.isPresent() && names.claim(p.name(), "interface")) {
          into.put(
              WorldKey.of(p.name().name()),
              new WorldItem.InterfaceItem(iface.get(), gate.stability()));
        }
      }
    }
  }

  /** An interface written inline in the world: anonymous, owned by this world's package. */
  private InterfaceId inline(WorldMember.Extern.InlineInterface i, Docs docs, Gates.Gate gate) {
    InterfaceId iface = body.arenas().reserveInterface();
    Body inner =
        new Body(
            body.arenas(),
            new LocalScope(body.arenas()),
            TypeOwner.of(iface),
            body.pkg(),
            body.gates(),
            body.paths(),
            body.diags());
    InterfaceResolver.Result r = new InterfaceResolver(inner).resolve(i.members());
    body.arenas()
        .interfaces
        .set(
            iface.index(),
            new Interface(
                Optional.empty(),
                r.types(),
                r.functions(),
                currentPackage(),
                docs,
                gate.stability()));
    return iface;
  }

  private Optional<PackageId> currentPackage() {
    return Optional.ofNullable(body.arenas().packageNames.get(body.pkg()));
  }
}
