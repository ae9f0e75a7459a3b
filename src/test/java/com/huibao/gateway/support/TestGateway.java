package com.huibao.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.boot.Gateway;
import com.huibao.gateway.boot.config.GatewayConfig;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.crypto.RequestSigner;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The real gateway for tests: embedded PostgreSQL in a fresh directory under {@code target/}, a random port, demo
 * data and demo clients; requests go over real HTTP, signed with the demo keys. {@link #shared()} is one instance
 * per test JVM (stopped at exit); {@link #start(Map)} makes a private one.
 */
public final class TestGateway implements AutoCloseable {
    private static TestGateway shared;

    private final Gateway gateway;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String dbDir;

    private TestGateway(Gateway gateway, String dbDir) {
        this.gateway = gateway;
        this.dbDir = dbDir;
    }

    public static synchronized TestGateway shared() {
        if (shared == null) {
            shared = start(Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public static TestGateway start(Map<String, String> overrides) {
        String dbDir = "target/pg-" + UUID.randomUUID();
        Map<String, String> env = new HashMap<>();
        env.put("GATEWAY_HTTP_PORT", "0");
        env.put("GATEWAY_HTTP_HOST", "127.0.0.1");
        env.put("GATEWAY_DB_EMBEDDED_DIR", dbDir);
        env.put("GATEWAY_DEMO", "true");
        env.put("GATEWAY_HTTP_SHUTDOWN_DRAIN_SECONDS", "2");
        env.putAll(overrides);
        try {
            GatewayConfig config = GatewayConfig.load(Path.of("config/application.yaml"), env);
            Gateway g = Gateway.start(config, Clock.systemUTC())
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(120, TimeUnit.SECONDS);
            return new TestGateway(g, dbDir);
        } catch (Exception e) {
            throw new IllegalStateException("test gateway did not start", e);
        }
    }

    public Gateway gateway() {
        return gateway;
    }

    public int port() {
        return gateway.port();
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    public static RequestSigner demoSigner(String client) {
        try {
            ECKey key = ECKey.parse(Files.readString(Path.of("config/demo/keys/" + client + ".private.jwk")));
            return new RequestSigner(key, client, "huibao-gateway");
        } catch (IOException | ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** A request signed by a demo client (e.g. {@code demo-hospital}). */
    public HttpResponse<String> signed(String client, String method, String path, byte[] body) {
        return signedBy(demoSigner(client), method, path, body);
    }

    /**
     * A signed GET whose answer is binary (a PDF): the bytes as sent; the caller checks them (a String body would
     * corrupt them, so the contract and signature checks of {@link #signed} do not apply).
     */
    public HttpResponse<byte[]> signedGetBytes(String client, String path, String accept) {
        String token = demoSigner(client).sign("GET", path, null);
        try {
            return http.send(
                    HttpRequest.newBuilder(uri(path))
                            .GET()
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", accept)
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> signedBy(RequestSigner signer, String method, String path, byte[] body) {
        String token = signer.sign(method, path, body);
        HttpRequest request = request(method, path, body)
                .header("Authorization", "Bearer " + token)
                .build();
        HttpResponse<String> response = exchange(request);
        ExchangeChecks.check(keys(), request, response, true);
        return response;
    }

    /**
     * Registers an extra client with a fresh ES256 key in a new clients directory (pass it as
     * {@code GATEWAY_CLIENTS_DIR}); returns its signer.
     */
    private static final Map<String, RequestSigner> REGISTERED = new ConcurrentHashMap<>();

    /** The signer of the client most recently registered under that id. */
    public static RequestSigner lastRegistered(String clientId) {
        return REGISTERED.get(clientId);
    }

    public static RequestSigner registerClient(Path dir, String clientId, String role, String tenant) {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(clientId + "-k1").generate();
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve(clientId + ".json"),
                    "{\"client_id\":\"" + clientId + "\",\"role\":\"" + role + "\",\"tenant\":\"" + tenant
                            + "\",\"jwks\":{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}}");
            RequestSigner signer = new RequestSigner(key, clientId, "huibao-gateway");
            REGISTERED.put(clientId, signer);
            return signer;
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String method, String path, byte[] body) {
        HttpRequest.BodyPublisher publisher = body == null || body.length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return HttpRequest.newBuilder(uri(path)).method(method, publisher).header("Content-Type", "application/json");
    }

    /**
     * Sends a request as it is and checks the exchange ({@link ExchangeChecks}: the contract, and any response signature);
     * a test of a malformed exchange sends it with {@link #exchange(HttpRequest)}.
     */
    public HttpResponse<String> send(HttpRequest request) {
        HttpResponse<String> response = exchange(request);
        ExchangeChecks.check(keys(), request, response, false);
        return response;
    }

    private volatile JsonNode keys;

    /** The gateway's published keys, read once. */
    private JsonNode keys() {
        if (keys == null) {
            keys = Json.parse(exchange(HttpRequest.newBuilder(uri("/.well-known/jwks.json"))
                            .GET()
                            .build())
                    .body());
        }
        return keys;
    }

    /** Sends a request and returns the response, unchecked. */
    public HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            gateway.stop().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            Dirs.deleteQuietly(Path.of(dbDir));
        }
    }
}
