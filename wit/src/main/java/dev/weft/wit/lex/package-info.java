/**
 * The first pass over WIT text: {@link dev.weft.wit.lex.WitLexer} turns a file into a list of
 * {@link dev.weft.wit.lex.Token}s with spans, keeping doc comments on the token they precede and
 * reporting bad characters as diagnostics. Spec: WIT.md "Lexical structure".
 */
package dev.weft.wit.lex;
