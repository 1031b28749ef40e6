package dev.weft.server;

import dev.weft.engine.LoadedFlow;
import java.nio.file.Path;

/**
 * A flow being served: the loaded flow and the file it came from.
 *
 * @param flow the loaded, runnable flow
 * @param file the flow file, as given (for messages and reloads)
 */
public record ServedFlow(LoadedFlow flow, Path file) {
  /** The flow's name: its HTTP path segment and event-bus address. */
  public String name() {
    return flow.name();
  }
}
