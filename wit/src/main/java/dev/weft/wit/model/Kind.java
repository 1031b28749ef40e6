package dev.weft.wit.model;

/**
 * The kind of a {@link WitType}: switch over this (a switch expression without {@code default})
 * to dispatch over every type with the compiler checking that no kind is missed.
 */
public enum Kind {
  BOOL,
  U8,
  U16,
  U32,
  U64,
  S8,
  S16,
  S32,
  S64,
  F32,
  F64,
  CHAR,
  STRING,
  ERROR_CONTEXT,
  LIST,
  FIXED_LIST,
  MAP,
  OPTION,
  RESULT,
  TUPLE,
  RECORD,
  VARIANT,
  ENUM,
  FLAGS,
  RESOURCE,
  OWN,
  BORROW,
  FUTURE,
  STREAM,
  NAMED
}
