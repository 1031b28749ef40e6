/**
 * The way back from the model to text: {@link dev.weft.wit.print.WitPrinter} writes resolved
 * packages as canonical WIT (uses first, then types, then functions; resource functions inside
 * their resource; gates and doc comments kept), such that parsing the output gives the same model.
 * Used by {@code weft wit print} and by the round-trip tests over the conformance corpus.
 */
package dev.weft.wit.print;
