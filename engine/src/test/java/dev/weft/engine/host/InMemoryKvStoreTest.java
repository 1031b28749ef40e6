package dev.weft.engine.host;

import io.vertx.core.Vertx;

/** The KV contract on the embedded store. */
class InMemoryKvStoreTest extends KvBackendContract {
  @Override
  KvStore newStore(Vertx vertx) {
    return new InMemoryKvStore();
  }
}
