package dev.weft.server;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP front: a server on the configured host and port whose requests go to {@link HttpApi}'s
 * router. Thin on purpose: no logic lives here. Vert.x 5 {@link VerticleBase}.
 */
final class ServerVerticle extends VerticleBase {
  private final HttpApi api;
  private final String host;
  private final int port;
  private volatile HttpServer server;

  ServerVerticle(HttpApi api, String host, int port) {
    this.api = api;
    this.host = host;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
        .requestHandler(api.router(vertx))
        .listen()
        .onSuccess(s -> server = s);
  }

  /** The port the server listens on (the real one when 0 was asked). */
  int actualPort() {
    return server.actualPort();
  }

  /** Stops accepting connections and lets requests in progress finish, for at most {@code millis}. */
  Future<Void> shutdown(long millis) {
    HttpServer s = server;
    return s == null ? Future.succeededFuture() : s.shutdown(millis, TimeUnit.MILLISECONDS);
  }
}
