package dev.weft.flows.host;

import dev.weft.wit.diag.Span;

/**
 * The {@code grants:} section of a component as written.
 *
 * @param grants what it grants
 * @param span where the section is (its {@code grants} key), for errors about a missing grant
 */
public record GrantsDecl(Grants grants, Span span) {}
