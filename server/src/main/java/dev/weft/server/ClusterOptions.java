package dev.weft.server;

import java.util.List;
import java.util.Objects;

/**
 * How a node joins a Vert.x cluster through Hazelcast: TCP/IP join with explicit members, never
 * multicast.
 *
 * @param host the address this node binds and announces (Hazelcast and the event bus)
 * @param port Hazelcast's port on {@code host}; the event bus picks a free port of its own
 * @param members {@code host:port} of the other members (this node may be listed too)
 */
public record ClusterOptions(String host, int port, List<String> members) {
  /** Hazelcast's usual first port. */
  public static final int DEFAULT_PORT = 5701;

  public ClusterOptions {
    Objects.requireNonNull(host, "host");
    members = List.copyOf(members);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("cluster port must be 0..65535, got " + port);
    }
  }
}
