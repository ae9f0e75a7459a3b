package com.huibao.gateway.bench;

import com.huibao.gateway.crypto.ResponseSigner;
import com.huibao.gateway.crypto.Sm2;
import com.huibao.gateway.crypto.WebhookSigner;
import com.nimbusds.jose.jwk.ECKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a signature costs per answer or delivery (docs/SECURITY.md, "Webhooks"): the response signature over the body
 * against the webhook signature over {@code id.timestamp.body} (ES256 and SM2SM3), for a small event and a claim
 * event the size of a 30-line claim's breakdown. Run with {@code scripts/bench-signing}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SigningBenchmark {
    @Param({"400", "16000"})
    public int bodyBytes;

    private ResponseSigner responses;
    private WebhookSigner webhooks;
    private byte[] body;
    private final String id = UUID.randomUUID().toString();
    private final long timestamp = 1_796_000_000L;

    @Setup
    public void setUp() throws Exception {
        Path keys = Path.of("config/demo/keys");
        responses = new ResponseSigner(ECKey.parse(Files.readString(keys.resolve("gateway.private.jwk"))));
        webhooks = new WebhookSigner(
                ECKey.parse(Files.readString(keys.resolve("gateway-webhook.private.jwk"))),
                Sm2.PrivateJwk.parse(Files.readString(keys.resolve("gateway-sm2.private.jwk"))));
        char[] filler = new char[bodyBytes];
        Arrays.fill(filler, 'x');
        body = ("{\"id\":\"" + id + "\",\"data\":\"" + new String(filler) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public String responseEs256OverBody() {
        return responses.sign(body);
    }

    @Benchmark
    public String webhookEs256OverIdTimestampBody() {
        return webhooks.sign(id, timestamp, body, "ES256");
    }

    @Benchmark
    public String webhookSm2Sm3OverIdTimestampBody() {
        return webhooks.sign(id, timestamp, body, Sm2.JWS_ALG);
    }
}
