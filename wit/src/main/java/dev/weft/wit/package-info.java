/**
 * The public front door of the WIT front end: {@link dev.weft.wit.Wit} loads WIT files, {@code
 * .wit.md} files and package folders (with {@code deps/}) into a resolved {@link
 * dev.weft.wit.model.Resolve}, parses lone type expressions for flows, and prints WIT back; {@link
 * dev.weft.wit.WitException} carries every problem as {@link dev.weft.wit.diag.Diagnostic}s.
 *
 * <p>Pipeline: {@code lex} (tokens) → {@code ast} (syntax with spans) → {@code resolve} (names to
 * ids) → {@code model}; {@code print} goes back to text. Spec: component-model {@code
 * design/mvp/WIT.md}.
 */
package dev.weft.wit;
