package com.huibao.gateway.harness;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The gateway as an operator runs it: the fat jar in its own JVM, on an external database, so that it can be killed
 * with SIGKILL (kill -9) while the database lives on.
 */
public final class GatewayProcess implements AutoCloseable {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Process process;
    private final int port;

    private GatewayProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The gateway's process id (for {@link CpuMeter}). */
    public long pid() {
        return process.pid();
    }

    /** Starts {@code target/huibao-gateway.jar run} and waits until {@code /health/ready} answers 200. */
    public static GatewayProcess start(int port, String dbUrl, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m"));
        String extra = System.getProperty("harness.gatewayJvmArgs", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+"))); // e.g. a JFR recording for profiling
        }
        command.addAll(List.of("-jar", "target/huibao-gateway.jar", "run"));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("GATEWAY_HTTP_PORT", String.valueOf(port));
        pb.environment().put("GATEWAY_HTTP_HOST", "127.0.0.1");
        pb.environment().put("GATEWAY_DB_URL", dbUrl);
        pb.environment().put("GATEWAY_DEMO", "true");
        pb.environment().put("GATEWAY_RATE_LIMIT_PER_SECOND", "1000000");
        pb.environment().put("GATEWAY_RATE_LIMIT_BURST", "1000000");
        pb.environment().put("GATEWAY_HTTP_SHUTDOWN_DRAIN_SECONDS", "2");
        pb.environment().put("GATEWAY_LOG_LEVEL", "WARN");
        pb.environment().putAll(env);
        GatewayProcess g = new GatewayProcess(pb.start(), port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!g.process.isAlive()) {
                throw new IllegalStateException("the gateway exited with " + g.process.exitValue() + "; see " + log);
            }
            if (g.ready()) {
                return g;
            }
            Thread.sleep(200);
        }
        g.kill9();
        throw new IllegalStateException("the gateway was not ready within 90 s; see " + log);
    }

    public boolean ready() {
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public int port() {
        return port;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** SIGKILL: no shutdown hook, no draining, connections cut mid-request. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill9();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
