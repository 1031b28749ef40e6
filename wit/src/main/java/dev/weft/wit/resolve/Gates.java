package dev.weft.wit.resolve;

import dev.weft.wit.ast.Attribute;
import dev.weft.wit.ast.Semver;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.Span;
import dev.weft.wit.model.PackageName;
import dev.weft.wit.model.Stability;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Feature gates (WIT.md "Feature Gates"): turns an item's attributes into its {@link Stability} and
 * decides whether the item is part of the resolved model. {@code @unstable} items are kept only
 * when their feature is enabled; {@code @since} must not name a version newer than the package's
 * own.
 */
final class Gates {
  /** An item's stability and whether it is included. */
  record Gate(Stability stability, boolean included) {
    static final Gate OPEN = new Gate(Stability.UNKNOWN, true);
  }

  private final Set<String> features;
  private final Diagnostics diags;

  Gates(Set<String> features, Diagnostics diags) {
    this.features = Set.copyOf(features);
    this.diags = diags;
  }

  /** The gate of an item of package {@code pkg}. */
  Gate of(List<Attribute> attributes, PackageName pkg) {
    Stability.Level level = Stability.Level.UNKNOWN;
    Optional<String> value = Optional.empty();
    Optional<String> deprecated = Optional.empty();
    boolean included = true;
    for (Attribute a : attributes) {
      switch (a.form()) {
        case SINCE -> {
          String since = ((Attribute.Since) a).version();
          checkSince(since, pkg, a.span());
          if (level == Stability.Level.UNKNOWN) {
            level = Stability.Level.STABLE;
            value = Optional.of(since);
          }
        }
        case UNSTABLE -> {
          String feature = ((Attribute.Unstable) a).feature().name();
          if (level == Stability.Level.UNKNOWN) {
            level = Stability.Level.UNSTABLE;
            value = Optional.of(feature);
          }
          included &= features.contains(feature);
        }
        case DEPRECATED -> deprecated = Optional.of(((Attribute.Deprecated) a).version());
        case EXTERNAL_ID -> {
          // A name for the outside world; it does not gate anything.
        }
      }
    }
    return new Gate(new Stability(level, value, deprecated), included);
  }

  /**
   * A {@code @since} in a versioned package must not name a newer version. In a package without a
   * version there is nothing to compare with: items merged in by {@code include} keep the gates of
   * the package they came from, so printing such a world must still parse (wit-parser rejects the
   * gate there instead).
   */
  private void checkSince(String since, PackageName pkg, Span span) {
    // An invalid version was reported by the parser; there is nothing to compare.
    if (pkg.version().isPresent()
        && Semver.isValid(since)
        && Semver.isValid(pkg.version().get())
        && Semver.compare(since, pkg.version().get()) > 0) {
      diags.error(
          "WIT0121",
          "`@since` names unreleased version "
              + since
              + " of package `"
              + pkg
              + "` (current version "
              + pkg.version().get()
              + ")",
          span,
          "use a version no newer than " + pkg.version().get());
    }
  }
}
