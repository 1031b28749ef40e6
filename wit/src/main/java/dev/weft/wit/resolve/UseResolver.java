package dev.weft.wit.resolve;

import dev.weft.wit.ast.Member;
import dev.weft.wit.diag.Suggestions;
import dev.weft.wit.model.Docs;
import dev.weft.wit.model.Interface;
import dev.weft.wit.model.InterfaceId;
import dev.weft.wit.model.Named;
import dev.weft.wit.model.TypeDef;
import dev.weft.wit.model.TypeId;
import java.util.List;
import java.util.Optional;

/**
 * Resolves {@code use iface.{a, b as c};}: each name becomes a type of this body that aliases the
 * type of the other interface, so the model records where every type came from.
 */
final class UseResolver {
  private final Body body;

  UseResolver(Body body) {
    this.body = body;
  }

  void resolve(List<Member.UseDecl> uses) {
    for (Member.UseDecl u : uses) {
      Optional<InterfaceId> target = body.paths().iface(u.from());
      if (target.isEmpty()) {
        u.names().forEach(n -> body.scope().explain(n.localName().name(), LocalScope.Why.QUIET));
        continue;
      }
      Interface from = body.arenas().iface(target.get());
      Gates.Gate gate = body.gates().of(u.attributes(), body.pkg());
      for (Member.UseName n : u.names()) {
        String name = n.name().name();
        TypeId id = from.types().get(name);
        if (id == null) {
          body.scope().explain(n.localName().name(), LocalScope.Why.QUIET);
          missing(target.get(), from, n);
          continue;
        }
        TypeId alias =
            body.arenas()
                .addType(
                    new TypeDef(
                        Optional.of(n.localName().name()),
                        new Named(id),
                        body.owner(),
                        Docs.NONE,
                        gate.stability()));
        body.scope().defineType(n.localName().name(), alias, n.localName().span());
      }
    }
  }

  private void missing(InterfaceId target, Interface from, Member.UseName n) {
    String name = n.name().name();
    if (body.arenas().isExcluded(target, name)) {
      body.diags()
          .error("WIT0106", String.format(InterfaceResolver.EXCLUDED, "type"), n.name().span());
    } else if (from.functions().containsKey(name)) {
      body.diags()
          .error(
              "WIT0115",
              "cannot import function `" + name + "`",
              n.name().span(),
              "`use` brings in types; call functions through the interface");
    } else {
      body.diags()
          .error(
              "WIT0114",
              "name `"
                  + name
                  + "` does not exist in interface `"
                  + from.name().orElse("<inline>")
                  + "`",
              n.name().span(),
              Suggestions.didYouMean(name, from.types().keySet()).orElse(null));
    }
  }
}
