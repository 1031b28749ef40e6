package dev.weft.wit.binary;

/** An alias definition (Binary.md {@code alias}): it adds an index to {@code sort()}'s space. */
public sealed interface Alias {
  Sort sort();

  /** {@code (alias export i "name" (sort))}. */
  record InstanceExport(Sort sort, int instance, String name) implements Alias {}

  /** {@code (alias core export i "name" (sort))}. */
  record CoreInstanceExport(Sort sort, int instance, String name) implements Alias {}

  /** {@code (alias outer count index (sort))}. */
  record Outer(Sort sort, int count, int index) implements Alias {}
}
