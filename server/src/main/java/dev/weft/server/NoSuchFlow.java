package dev.weft.server;

import java.util.List;

/** A request for a flow that is not served; carries the names of those that are. */
final class NoSuchFlow extends RuntimeException {
  private final String name;
  private final List<String> served;

  NoSuchFlow(String name, List<String> served) {
    super("no flow `" + name + "` is served here", null, false, false);
    this.name = name;
    this.served = List.copyOf(served);
  }

  Problem problem() {
    return Problem.of("no-such-flow", "No such flow", 404,
            getMessage() + "; served: " + (served.isEmpty() ? "none" : String.join(", ", served)))
        .with("flow", name)
        .with("flows", served);
  }
}
