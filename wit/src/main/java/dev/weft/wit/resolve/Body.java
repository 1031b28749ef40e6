package dev.weft.wit.resolve;

import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.model.PackageName;
import dev.weft.wit.model.TypeOwner;

/**
 * What the passes over one interface or world body share: the arenas, the body's scope and owner,
 * the package (for gates), how paths resolve, and the sink for problems.
 */
record Body(
    ResolveBuilder arenas,
    LocalScope scope,
    TypeOwner owner,
    PackageName pkg,
    Gates gates,
    ItemPaths paths,
    Diagnostics diags) {

  TypeExprResolver types() {
    return new TypeExprResolver(scope, diags);
  }
}
