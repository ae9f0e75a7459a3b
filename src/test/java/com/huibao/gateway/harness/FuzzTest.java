package com.huibao.gateway.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.support.TestGateway;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reduced fuzz run of {@code mvn verify}; {@code scripts/fuzz} runs 10,000 and more. */
class FuzzTest {
    @Test
    void hostile_requests_get_no_5xx_and_change_nothing_when_refused() throws Exception {
        try (TestGateway gw = TestGateway.start(
                Map.of("GATEWAY_RATE_LIMIT_PER_SECOND", "100000", "GATEWAY_RATE_LIMIT_BURST", "100000"))) {
            Fuzzer.Report r = new Fuzzer(gw, 20261123L).run(1500);
            System.out.println("fuzz: " + r);
            assertThat(r.failures()).isEmpty();
            assertThat(r.serverErrors()).isZero();
            assertThat(r.changedOnRefusal()).isZero();
            assertThat(r.refused()).as("most hostile requests are refused").isGreaterThan(1000);
            assertThat(r.heapAfterMb() - r.heapBeforeMb())
                    .as("heap growth in MB")
                    .isLessThan(200);
        }
    }

    @Test
    void a_form_or_multipart_body_is_refused_with_415_before_it_is_decoded() {
        TestGateway gw = TestGateway.shared();
        for (String type : new String[] {
            "multipart/form-data; boundary=x", "multipart/form-data", "application/x-www-form-urlencoded"
        }) {
            byte[] body = "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--".getBytes();
            HttpResponse<String> r = gw.send(gw.request("POST", "/v1/direct-settlements/preview", body)
                    .setHeader("Content-Type", type)
                    .header(
                            "Authorization",
                            "Bearer "
                                    + TestGateway.demoSigner("demo-hospital")
                                            .sign("POST", "/v1/direct-settlements/preview", body))
                    .build());
            assertThat(r.statusCode()).as(type).isEqualTo(415);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }
}
