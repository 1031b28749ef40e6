package dev.weft.wit.resolve;

import dev.weft.wit.model.Interface;
import dev.weft.wit.model.InterfaceId;
import dev.weft.wit.model.PackageName;

/** How resolved items are named in messages. */
final class Names {
  private Names() {}

  /** {@code ns:pkg/iface@version}, or the bare name of an interface without a package. */
  static String qualified(ResolveBuilder arenas, InterfaceId id) {
    Interface i = arenas.iface(id);
    String name = i.name().orElse("<inline>");
    if (i.pkg().isEmpty()) {
      return name;
    }
    PackageName p = arenas.packages.get(i.pkg().get().index()).name();
    return p.namespace() + ":" + p.name() + "/" + name + p.version().map(v -> "@" + v).orElse("");
  }
}
