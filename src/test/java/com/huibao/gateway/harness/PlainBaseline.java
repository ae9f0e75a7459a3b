package com.huibao.gateway.harness;

import com.huibao.gateway.adapter.http.auth.ClientRegistry;
import com.huibao.gateway.adapter.http.auth.RequestAuthenticator;
import com.huibao.gateway.adapter.pg.DbTarget;
import com.huibao.gateway.adapter.pg.PgPools;
import com.huibao.gateway.crypto.ResponseSigner;
import com.nimbusds.jose.jwk.ECKey;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The plain counterparts the gateway is measured against ({@code scripts/bench}): the same stack (Vert.x 5, one
 * server per core, the reactive PostgreSQL pool of the same size, a body handler reading the same 30-line body) with
 * no gateway logic. {@code POST /plain/query}: one query (a policy by its number). {@code POST /plain/tx}: one
 * transaction of SELECT … FOR UPDATE, UPDATE and INSERT on a counter picked among 10,000. {@code POST
 * /plain/signed-query}: the query with the two signatures every gateway request carries, done by the gateway's own
 * classes (the demo client's ES256 token verified against method, path and body hash; the answer signed with the
 * demo gateway key), and nothing else: a floor under what any preview could reach. Run in its own JVM:
 * {@code PlainBaseline <http port> <postgres port> [pool size]}.
 */
public final class PlainBaseline extends VerticleBase {
    private final Pool pool;
    private final int port;
    private final RequestAuthenticator authenticator;
    private final ResponseSigner signer;

    PlainBaseline(Pool pool, int port, RequestAuthenticator authenticator, ResponseSigner signer) {
        this.pool = pool;
        this.port = port;
        this.authenticator = authenticator;
        this.signer = signer;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(8 * 1024 * 1024));
        router.post("/plain/query")
                .handler(rc -> pool.preparedQuery(
                                "SELECT policy_no, plan_id, insurer_id FROM " + "policies WHERE policy_no = $1")
                        .execute(Tuple.of(String.format(
                                "BENCH-%06d", ThreadLocalRandom.current().nextInt(10_000))))
                        .onSuccess(rows -> rc.response()
                                .putHeader("Content-Type", "application/json")
                                .end("{\"found\":" + rows.size() + "}"))
                        .onFailure(rc::fail));
        router.post("/plain/signed-query").handler(rc -> {
            try {
                authenticator.authenticate(
                        rc.request().getHeader("Authorization"),
                        "POST",
                        rc.request().uri(),
                        rc.body().buffer().getBytes(),
                        rc.request().remoteAddress().hostAddress(),
                        Instant.now());
            } catch (RuntimeException e) {
                rc.response().setStatusCode(401).end();
                return;
            }
            pool.preparedQuery("SELECT policy_no, plan_id, insurer_id FROM policies WHERE policy_no = $1")
                    .execute(Tuple.of(String.format(
                            "BENCH-%06d", ThreadLocalRandom.current().nextInt(10_000))))
                    .onSuccess(rows -> {
                        byte[] answer = ("{\"found\":" + rows.size() + "}").getBytes(StandardCharsets.UTF_8);
                        rc.response()
                                .putHeader("Content-Type", "application/json")
                                .putHeader("Huibao-Signature", signer.sign(answer))
                                .end(Buffer.buffer(answer));
                    })
                    .onFailure(rc::fail);
        });
        router.post("/plain/tx").handler(rc -> {
            int id = ThreadLocalRandom.current().nextInt(10_000);
            int length = rc.body().length();
            pool.withTransaction(tx -> tx.preparedQuery("SELECT n FROM plain_counter WHERE id = $1 FOR UPDATE")
                            .execute(Tuple.of(id))
                            .compose(r -> tx.preparedQuery("UPDATE plain_counter SET n = n + 1 WHERE id = $1")
                                    .execute(Tuple.of(id)))
                            .compose(r -> tx.preparedQuery(
                                            "INSERT INTO plain_log (counter_id, body_length) VALUES ($1, $2)")
                                    .execute(Tuple.of(id, length))))
                    .onSuccess(r -> rc.response()
                            .putHeader("Content-Type", "application/json")
                            .end("{\"ok\":true}"))
                    .onFailure(rc::fail);
        });
        return vertx.createHttpServer(
                        new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                .requestHandler(router)
                .listen();
    }

    public static void main(String[] args) throws Exception {
        int httpPort = Integer.parseInt(args[0]);
        DbTarget db = new DbTarget("localhost", Integer.parseInt(args[1]), "postgres", "postgres", "");
        int poolSize = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        // the demo clients and the demo gateway key, as the gateway in demo mode has them (the bench runs from the
        // repo)
        RequestAuthenticator authenticator = new RequestAuthenticator(
                new ClientRegistry(List.of(Path.of("config/demo/clients"))),
                "huibao-gateway",
                Duration.ofSeconds(300),
                Duration.ofSeconds(60));
        ResponseSigner signer =
                new ResponseSigner(ECKey.parse(Files.readString(Path.of("config/demo/keys/gateway.private.jwk"))));
        Vertx vertx = Vertx.vertx();
        Pool pool = PgPools.create(vertx, db, poolSize);
        pool.query("CREATE TABLE IF NOT EXISTS plain_counter (id integer PRIMARY KEY, n bigint NOT NULL)")
                .execute()
                .compose(r -> pool.query(
                                "CREATE TABLE IF NOT EXISTS plain_log (id bigserial PRIMARY KEY, counter_id integer "
                                        + "NOT NULL, body_length integer NOT NULL, at timestamptz NOT NULL DEFAULT now())")
                        .execute())
                .compose(r -> pool.query("INSERT INTO plain_counter SELECT g, 0 FROM generate_series(0, 9999) g "
                                + "ON CONFLICT DO NOTHING")
                        .execute())
                .compose(r -> vertx.deployVerticle(
                        () -> new PlainBaseline(pool, httpPort, authenticator, signer),
                        new DeploymentOptions()
                                .setInstances(Runtime.getRuntime().availableProcessors())))
                .toCompletionStage()
                .toCompletableFuture()
                .get();
        System.out.println("plain baseline listening on " + httpPort);
    }
}
