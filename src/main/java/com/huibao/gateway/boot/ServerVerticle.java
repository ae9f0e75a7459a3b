package com.huibao.gateway.boot;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Supplier;

/**
 * One HTTP server on its own event loop. Deployed once per instance: servers of one Vert.x on the same host and port
 * share it, and Vert.x spreads connections over their event loops.
 */
final class ServerVerticle extends VerticleBase {
    private final HttpServerOptions options;
    private final Supplier<Router> router;
    private final List<HttpServer> started;

    ServerVerticle(HttpServerOptions options, Supplier<Router> router, List<HttpServer> started) {
        this.options = options;
        this.router = router;
        this.started = started;
    }

    @Override
    public Future<?> start() {
        return vertx.createHttpServer(options)
                .requestHandler(router.get())
                .listen()
                .onSuccess(started::add);
    }
}
