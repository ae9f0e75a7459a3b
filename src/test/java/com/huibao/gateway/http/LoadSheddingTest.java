package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.TestGateway;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Beyond {@code http.max_in_flight} requests in flight, a request is refused at once (503 OVERLOADED, Retry-After)
 * before any work is spent on it; health, metrics, key sets and the patient page stay answerable; capacity comes
 * back when the requests in flight end.
 */
class LoadSheddingTest {
    @Test
    void a_request_beyond_the_limit_is_refused_at_once_and_capacity_returns_when_one_ends() throws Exception {
        try (TestGateway gw = TestGateway.start(Map.of("GATEWAY_HTTP_MAX_IN_FLIGHT", "2"))) {
            // two requests held in flight: headers sent, body not yet complete
            try (Socket a = holdOpen(gw);
                    Socket b = holdOpen(gw)) {
                HttpResponse<String> refused = gw.signed(
                        "demo-hospital", "POST", "/v1/direct-settlements/preview", Settlements.inpatient("S-SHED-1"));
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).contains("1");
                assertThat(refused.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
                JsonNode problem = Json.parse(refused.body());
                assertThat(problem.get("code").asText()).isEqualTo("OVERLOADED");
                assertThat(problem.get("request_id").asText()).isNotBlank();
                assertThat(gw.get("/health/ready").statusCode())
                        .as("health is never shed")
                        .isEqualTo(200);
                assertThat(gw.get("/metrics").statusCode()).isEqualTo(200);
                assertThat(gw.get("/.well-known/jwks.json").statusCode())
                        .as("keys to verify answers")
                        .isEqualTo(200);
                HttpResponse<String> page = gw.get("/app/index.html");
                assertThat(page.statusCode())
                        .as("the patient page is static, never a problem document")
                        .isEqualTo(200);
                assertThat(page.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            }
            // the held connections closed: their requests ended, capacity is back
            HttpResponse<String> served = awaitServed(gw);
            assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
            assertThat(Json.parse(served.body()).get("state").asText()).isEqualTo("PREVIEW");
        }
    }

    private static Socket holdOpen(TestGateway gw) throws Exception {
        Socket s = new Socket("127.0.0.1", gw.port());
        OutputStream out = s.getOutputStream();
        out.write(
                ("POST /v1/direct-settlements/preview HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 1000\r\n\r\n{\"setlinfo\":")
                        .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread.sleep(200); // the gateway has read the head and counts the request in flight
        return s;
    }

    private static HttpResponse<String> awaitServed(TestGateway gw) throws InterruptedException {
        HttpResponse<String> r = null;
        for (int i = 0; i < 50; i++) {
            r = gw.signed("demo-hospital", "POST", "/v1/direct-settlements/preview", Settlements.inpatient("S-SHED-2"));
            if (r.statusCode() != 503) {
                return r;
            }
            Thread.sleep(100);
        }
        return r;
    }
}
