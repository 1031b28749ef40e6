package dev.weft.server;

/** The event-bus addresses Weft uses: dotted and lower case, all in one place. */
public final class Addresses {
  /** Prefix of the address every served flow consumes: {@code weft.flow.{name}}. */
  public static final String FLOW_PREFIX = "weft.flow.";

  /**
   * Where a node publishes {@link FlowsChanged} after {@code --watch} reloaded flows; every node's
   * own fronts listen locally, and any cluster member may listen too.
   */
  public static final String FLOWS_CHANGED = "weft.flows.changed";

  private Addresses() {}

  /** The address that runs flow {@code name}: a JSON object in, the output as the reply. */
  public static String flow(String name) {
    return FLOW_PREFIX + name;
  }
}
