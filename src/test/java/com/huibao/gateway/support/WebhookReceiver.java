package com.huibao.gateway.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * An insurer's webhook endpoint for tests: a real HTTP server (the JDK's) on a fixed port that can be started and
 * stopped, answering with a chosen status after a chosen delay, recording every delivery and the largest number of
 * deliveries of one event that were ever in flight at once.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One delivery as received. */
    public record Delivery(String eventId, String type, String signature, String timestamp, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final int port;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger maxInFlightPerEvent = new AtomicInteger();
    private volatile IntSupplier status = () -> 200;
    private volatile long delayMillis;
    private HttpServer server;

    public WebhookReceiver() {
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    public WebhookReceiver answering(IntSupplier status, long delayMillis) {
        this.status = status;
        this.delayMillis = delayMillis;
        return this;
    }

    public synchronized WebhookReceiver up() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("Huibao-Event-Id");
            AtomicInteger n = inFlight.computeIfAbsent(id, k -> new AtomicInteger());
            maxInFlightPerEvent.accumulateAndGet(n.incrementAndGet(), Math::max);
            try {
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                int code = status.getAsInt();
                if (code / 100 == 2) {
                    deliveries.add(new Delivery(
                            id,
                            exchange.getRequestHeaders().getFirst("Huibao-Event-Type"),
                            exchange.getRequestHeaders().getFirst("Huibao-Signature"),
                            exchange.getRequestHeaders().getFirst("Huibao-Timestamp"),
                            body));
                }
                exchange.sendResponseHeaders(code, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                n.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
        return this;
    }

    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            ((ExecutorService) server.getExecutor()).shutdownNow();
            server = null;
        }
    }

    /** Deliveries acknowledged with a 2xx, in the order they arrived. */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public int maxInFlightPerEvent() {
        return maxInFlightPerEvent.get();
    }

    @Override
    public void close() {
        down();
    }
}
