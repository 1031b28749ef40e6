/**
 * Problems in user input as values: spans into a {@link dev.weft.wit.diag.SourceMap}, {@link
 * dev.weft.wit.diag.Diagnostic}s collected in a {@link dev.weft.wit.diag.Diagnostics} sink that
 * every pass keeps writing to after a problem, and a renderer that prints them the way a good
 * compiler does ({@code --> file:line:col}, the source line, carets, a help line).
 *
 * <p>Shared by every pass that reads text: WIT and flows.
 */
package dev.weft.wit.diag;
