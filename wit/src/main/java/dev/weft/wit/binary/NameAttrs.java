package dev.weft.wit.binary;

import java.util.Objects;
import java.util.Optional;

/**
 * The attributes an import or export name may carry (Binary.md {@code nameattributes}): the
 * interface a plainly named instance implements ({@code (implements "a:b/c")}) and the rest of a
 * shortened version ({@code (versionsuffix ".3")} after {@code @0.2}).
 */
public record NameAttrs(Optional<String> implementsName, Optional<String> versionSuffix) {
  /** No attributes. */
  public static final NameAttrs NONE = new NameAttrs(Optional.empty(), Optional.empty());

  public NameAttrs {
    Objects.requireNonNull(implementsName, "implementsName");
    Objects.requireNonNull(versionSuffix, "versionSuffix");
  }
}
