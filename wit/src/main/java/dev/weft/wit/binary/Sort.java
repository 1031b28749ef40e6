package dev.weft.wit.binary;

/** What an index refers to: the component sorts and the core sorts (Binary.md {@code sort}). */
public enum Sort {
  CORE_FUNC,
  CORE_TABLE,
  CORE_MEMORY,
  CORE_GLOBAL,
  CORE_TAG,
  CORE_TYPE,
  CORE_MODULE,
  CORE_INSTANCE,
  FUNC,
  VALUE,
  TYPE,
  COMPONENT,
  INSTANCE;

  /** An index into the index space of a sort. */
  public record Idx(Sort sort, int index) {}
}
