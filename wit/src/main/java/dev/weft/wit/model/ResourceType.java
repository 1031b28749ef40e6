package dev.weft.wit.model;

/**
 * The definition of a resource. Its constructor, methods and static functions are {@link
 * Function}s of the owning interface or world whose {@link FunctionKind} names this type.
 */
public record ResourceType() implements WitType {
  @Override
  public Kind kind() {
    return Kind.RESOURCE;
  }
}
