package dev.weft.server;

import java.util.Optional;

/**
 * A request whose input does not fit the flow: malformed JSON, a missing or unknown input, or a
 * value that does not fit its WIT type (with the path into the value and the type expected there).
 */
final class BadInput extends RuntimeException {
  private final String slug;
  private final Optional<String> input;
  private final Optional<String> path;
  private final Optional<String> expected;

  BadInput(String slug, String detail, Optional<String> input, Optional<String> path, Optional<String> expected) {
    super(detail, null, false, false);
    this.slug = slug;
    this.input = input;
    this.path = path;
    this.expected = expected;
  }

  static BadInput json(String detail) {
    return new BadInput("malformed-json", detail, Optional.empty(), Optional.empty(), Optional.empty());
  }

  static BadInput shape(String detail) {
    return new BadInput("bad-input", detail, Optional.empty(), Optional.empty(), Optional.empty());
  }

  Problem problem() {
    Problem p =
        Problem.of(slug, slug.equals("malformed-json") ? "Malformed JSON" : "Input does not fit the flow",
            400, getMessage());
    if (input.isPresent()) {
      p = p.with("input", input.get());
    }
    if (path.isPresent()) {
      p = p.with("path", path.get());
    }
    if (expected.isPresent()) {
      p = p.with("expected", expected.get());
    }
    return p;
  }
}
