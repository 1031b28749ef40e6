/**
 * Serves flows over HTTP (Vert.x Web) and the Vert.x event bus, alone or in a Hazelcast cluster.
 * {@link dev.weft.server.WeftServer} is the entry point: it loads flows into a {@link
 * dev.weft.server.FlowRegistry}, deploys the thin {@link dev.weft.server.ServerVerticle} (HTTP, one per core) and
 * the event-bus consumers, exports metrics, and drains runs on shutdown. Every front goes through
 * {@link dev.weft.server.FlowRuns}, so HTTP, routes and the event bus count, time and fail alike.
 *
 * <p>Built on Vert.x 5: {@code Future.eventually(Supplier)}, {@code VerticleBase}, {@code
 * Vertx.builder()}.
 */
package dev.weft.server;
