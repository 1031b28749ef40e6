/**
 * Reading WIT from the file system (WIT.md "Filesystem structure"): a {@code .wit} file, a {@code
 * .wit.md} file (WIT in markdown {@code ```wit} fences), or a package folder with its dependencies
 * under {@code deps/}. Every text read is added to a {@link dev.weft.wit.diag.SourceMap}, so later
 * passes can point into it. The step before lexing.
 */
package dev.weft.wit.files;
