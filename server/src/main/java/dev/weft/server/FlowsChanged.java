package dev.weft.server;

import java.util.List;

/**
 * Published on {@link Addresses#FLOWS_CHANGED} when {@code --watch} reloaded flows: which were
 * reloaded, and which are served now. Immutable, so the local codec passes the same instance.
 *
 * @param reloaded the flows reloaded, by name
 * @param served every flow served after the change
 */
public record FlowsChanged(List<String> reloaded, List<String> served) {
  public FlowsChanged {
    reloaded = List.copyOf(reloaded);
    served = List.copyOf(served);
  }
}
