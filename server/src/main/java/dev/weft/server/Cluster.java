package dev.weft.server;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Hazelcast cluster manager of {@code weft serve --cluster}: Vert.x's default Hazelcast
 * configuration (its maps and multimaps) with TCP/IP join to explicit members, no multicast and
 * no auto-detection, fast failure detection (a dead member is dropped after about five seconds),
 * and Hazelcast's logging routed to java.util.logging, errors only.
 */
public final class Cluster {
  /** Heartbeats every second; a member silent for this long is removed. */
  static final int MAX_NO_HEARTBEAT_SECONDS = 5;

  /** Strong references: java.util.logging keeps loggers weakly, and would forget their levels. */
  private static final Logger[] QUIET = {
    Logger.getLogger("com.hazelcast"), Logger.getLogger("io.vertx.spi.cluster.hazelcast")
  };

  private Cluster() {}

  /** Quiets Hazelcast: call before the first Hazelcast class loads. */
  public static void quietLogging() {
    System.setProperty("hazelcast.logging.type", "jdk");
    System.setProperty("hazelcast.phone.home.enabled", "false");
    // Hazelcast warns at every start about module access and the CP subsystem, neither of which
    // Weft uses; only its errors matter to a Weft user.
    for (Logger l : QUIET) {
      l.setLevel(Level.SEVERE);
    }
  }

  /** A cluster manager joining {@code options.members()} from {@code options.host():port}. */
  public static ClusterManager manager(ClusterOptions options) {
    quietLogging();
    Config config = ConfigUtil.loadConfig();
    config.setClusterName("weft");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.shutdownhook.enabled", "false"); // Weft leaves the cluster itself, after draining
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(MAX_NO_HEARTBEAT_SECONDS));
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    config.setProperty("hazelcast.local.localAddress", options.host());
    config.getMetricsConfig().setEnabled(false); // Weft exports its own metrics; this one only costs CPU
    NetworkConfig net = config.getNetworkConfig();
    net.setPort(options.port()).setPortAutoIncrement(options.port() == 0);
    net.getInterfaces().setEnabled(false);
    JoinConfig join = net.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2).setMembers(options.members());
    return new HazelcastClusterManager(config);
  }

  /** The event bus binds and announces {@code host}, on a free port. */
  public static VertxOptions eventBus(VertxOptions vertx, ClusterOptions options) {
    vertx.getEventBusOptions().setHost(options.host()).setClusterPublicHost(options.host()).setPort(0);
    return vertx;
  }
}
