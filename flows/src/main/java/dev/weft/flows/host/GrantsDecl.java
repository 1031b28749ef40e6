package dev.weft.flows.host;

import dev.weft.wit.diag.Span;
import java.util.Map;

/**
 * The {@code grants:} section of a component as written.
 *
 * @param grants what it grants
 * @param span where the section is (its {@code grants} key), for errors about a missing grant
 * @param wasiDirs where the host folder of each {@code wasi.dirs} entry is written, by guest
 *     path, for errors about a folder that does not exist
 */
public record GrantsDecl(Grants grants, Span span, Map<String, Span> wasiDirs) {
  public GrantsDecl {
    wasiDirs = Map.copyOf(wasiDirs);
  }

  /** A section without WASI folders. */
  public GrantsDecl(Grants grants, Span span) {
    this(grants, span, Map.of());
  }
}
