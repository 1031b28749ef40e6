package dev.weft.wit.value;

/** A path into a JSON value ({@code $.items[2].name}), rendered only when an error is reported. */
record JsonPath(JsonPath parent, String segment) {
  static final JsonPath ROOT = new JsonPath(null, "$");

  JsonPath field(String name) {
    return new JsonPath(this, "." + name);
  }

  JsonPath index(int i) {
    return new JsonPath(this, "[" + i + "]");
  }

  @Override
  public String toString() {
    return parent == null ? segment : parent + segment;
  }
}
