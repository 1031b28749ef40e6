package dev.weft.server;

/** The event-bus addresses Weft uses: dotted and lower case, all in one place. */
public final class Addresses {
  /** Prefix of the address every served flow consumes: {@code weft.flow.{name}}. */
  public static final String FLOW_PREFIX = "weft.flow.";

  private Addresses() {}

  /** The address that runs flow {@code name}: a JSON object in, the output as the reply. */
  public static String flow(String name) {
    return FLOW_PREFIX + name;
  }
}
