package dev.weft.wit.value;

/**
 * The kind of a {@link WitValue}: switch over this (a switch expression without {@code default}) to
 * dispatch over every value with the compiler checking that no kind is missed. Both {@link
 * WitValue.ListValue} and {@link WitValue.Bytes} are {@link #LIST}.
 */
public enum ValueKind {
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
  LIST,
  RECORD,
  TUPLE,
  VARIANT,
  ENUM,
  FLAGS,
  OPTION,
  RESULT,
  HANDLE
}
