package com.huibao.gateway.app.port;

import io.vertx.core.Future;

/** Where plans and coverage lists live; implementations may cache, but must notice writes of other instances. */
public interface CatalogStore {
    Future<Catalog> current();
}
