package dev.weft.wit.decode;

import dev.weft.wit.binary.NameAttrs;
import dev.weft.wit.binary.UnsupportedComponentException;
import dev.weft.wit.model.PackageName;
import java.util.Optional;

/** The import and export names of components that WIT gives meaning to (Explainer.md "names"). */
final class Names {
  private Names() {}

  /** {@code namespace:package/item@version}: an interface or world of a package. */
  record Qualified(String namespace, String pkg, String iface, Optional<String> version) {
    /** The package, with a {@code (versionsuffix ..)} attribute completing a shortened version. */
    PackageName packageName(NameAttrs attrs) {
      Optional<String> v = version.map(x -> x + attrs.versionSuffix().orElse(""));
      return new PackageName(namespace, pkg, v);
    }
  }

  /**
   * {@code name} as a full interface or world name, or empty for a plain name.
   *
   * @throws UnsupportedComponentException for name forms WIT has no counterpart for (URLs,
   *     dependency and hash names, nested namespaces)
   */
  static Optional<Qualified> of(String name) {
    if (name.contains("=") || name.contains("<")) {
      throw new UnsupportedComponentException(
          "the name `" + name + "` (a URL, dependency or hash name) has no WIT equivalent");
    }
    int colon = name.indexOf(':');
    int slash = name.indexOf('/');
    if (colon < 0 || slash < colon) {
      return Optional.empty();
    }
    int at = name.indexOf('@', slash);
    String item = name.substring(slash + 1, at < 0 ? name.length() : at);
    String pkg = name.substring(colon + 1, slash);
    if (item.contains("/") || pkg.contains(":")) {
      throw new UnsupportedComponentException(
          "`" + name + "` uses nested namespaces or packages, which WIT does not have yet");
    }
    return Optional.of(
        new Qualified(
            name.substring(0, colon),
            pkg,
            item,
            at < 0 ? Optional.empty() : Optional.of(name.substring(at + 1))));
  }
}
