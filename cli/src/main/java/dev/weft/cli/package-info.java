/** The {@code weft} command line (picocli): one class per command. */
package dev.weft.cli;
