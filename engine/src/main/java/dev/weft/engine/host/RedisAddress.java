package dev.weft.engine.host;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a Redis is and how to log in: a parsed {@code redis://[[user]:password@]host[:port][/db]}
 * URL, or {@code rediss://} for TLS, read as the Vert.x Redis client reads them (user and password
 * percent-decoded; no query parameters or {@code unix://} sockets).
 */
record RedisAddress(String host, int port, boolean tls, Optional<String> user, Optional<String> password, int db) {
  /** Redis's port when the URL names none. */
  static final int DEFAULT_PORT = 6379;

  RedisAddress {
    user = user.filter(u -> !u.isEmpty());
    password = password.filter(p -> !p.isEmpty());
  }

  /**
   * Parses a Redis URL.
   *
   * @throws IllegalArgumentException naming what is wrong with it
   */
  static RedisAddress parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("`" + url + "` is not a Redis URL: " + e.getReason());
    }
    String scheme = String.valueOf(uri.getScheme());
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      throw new IllegalArgumentException("`" + url + "` is not a Redis URL: it must start with redis:// or rediss://");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("`" + url + "` names no host, or a port that is not a number; write e.g. redis://127.0.0.1:6379");
    }
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    if (uri.getRawUserInfo() != null) {
      String info = uri.getRawUserInfo();
      int colon = info.indexOf(':');
      if (colon < 0) {
        user = Optional.of(decode(info)); // a user without a password logs in as no one, as in the Vert.x client
      } else {
        user = Optional.of(decode(info.substring(0, colon)));
        password = Optional.of(decode(info.substring(colon + 1)));
      }
    }
    int db = 0;
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (path.length() > 1) {
      try {
        db = Integer.parseInt(path.substring(1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("`" + url + "`: the database after the host must be a number, e.g. /0");
      }
    }
    return new RedisAddress(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), scheme.equals("rediss"),
        user, password, db);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** The commands that open a connection: AUTH when there is a password, SELECT for a database other than 0. */
  List<List<Object>> handshake() {
    List<List<Object>> commands = new ArrayList<>();
    if (password.isPresent()) {
      commands.add(user.isPresent() ? List.of("AUTH", user.get(), password.get()) : List.of("AUTH", password.get()));
    }
    if (db != 0) {
      commands.add(List.of("SELECT", Long.valueOf(db)));
    }
    return commands;
  }
}
