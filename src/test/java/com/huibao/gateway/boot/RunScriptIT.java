package com.huibao.gateway.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.support.Dirs;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's promise, end to end: {@code scripts/run.sh} serves {@code /health/ready} = 200, {@code scripts/demo.sh}
 * prints the worked example's payout over signed HTTP, a restart keeps the data, and SIGTERM stops it gracefully.
 */
class RunScriptIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void run_script_serves_the_demo_and_stops_gracefully_on_sigterm() throws Exception {
        int port = freePort();
        Path data = Path.of("target/it-pg-" + UUID.randomUUID());
        Path log = Path.of("target/it-run-" + port + ".log");

        Process gateway = start(port, data, log);
        try {
            long started = System.nanoTime();
            assertThat(waitReady(port, 60))
                    .as("ready within 60 s; log: %s", log)
                    .isTrue();
            System.out.printf("ready after %d ms%n", (System.nanoTime() - started) / 1_000_000);

            Process demo = new ProcessBuilder("scripts/demo.sh", "http://127.0.0.1:" + port)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(demo.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(demo.exitValue()).as(out).isZero();
            assertThat(out)
                    .contains("HMB26-000001")
                    .contains("3208.26")
                    .contains("4344.07")
                    .contains("7552.33")
                    .contains("1482.67")
                    .contains("482.67");
            // 沪惠保 2025, one claim per benefit (docs/PLANS.md): CAR-T, domestic drug, overseas drug, proton, inpatient
            assertThat(out)
                    .contains("CAR-T治疗药品")
                    .contains("500000.00")
                    .contains("国内特定高额药品")
                    .contains("14000.00")
                    .contains("海外特殊药品")
                    .contains("70000.00")
                    .contains("质子、重离子")
                    .contains("154000.00")
                    .contains("特定住院自费医疗费用")
                    .contains("13300.00");
            // 特药 (README): approval, two pharmacy sales, a refusal beyond the quantity, a reversal; a Boao invoice
            assertThat(out)
                    .containsPattern("approval number HBPA-[0-9A-F]{12}")
                    .contains("沪惠保 pays 21000.00, the patient pays 9000.00; 1 box(es) left")
                    .contains("then 1 box: 沪惠保 pays 10500.00; 0 left")
                    .contains("HTTP 409, PREAUTH_QUANTITY_EXCEEDED")
                    .contains("2 box(es) left again")
                    .contains("INS-HMB claims the 50,000.00 invoice: pays 35000.00");
            // after the counter (README): eligibility, refund, payment, push reconciliation, reversal
            assertThat(out)
                    .contains("HMB26-000001  INS-HMB   deductible GENERAL 17548.24 left of 20000.00")
                    .contains("PMI-778899 pays 3444.07 instead of 4344.07, the patient 382.67")
                    .contains("INS-PMI remits 1,000.00 on its claim: PARTIAL, 2444.07 outstanding")
                    .contains("(1 settlement, insurers owe 6652.33): BALANCED")
                    .contains("PMI-778899    INS-PMI   deductible ANNUAL 1000.00 left of 1000.00");
        } finally {
            gateway.destroy(); // SIGTERM
            assertThat(gateway.waitFor(60, TimeUnit.SECONDS))
                    .as("exits after SIGTERM")
                    .isTrue();
        }
        String logged = Files.readString(log);
        assertThat(logged).contains("shutting down: draining").contains("\"stopped\"");

        Process again = start(port, data, log);
        try {
            assertThat(waitReady(port, 60)).isTrue();
            assertThat(Files.exists(data.resolve("PG_VERSION")))
                    .as("embedded data directory kept")
                    .isTrue();
        } finally {
            again.destroy();
            again.waitFor(60, TimeUnit.SECONDS);
            Dirs.deleteQuietly(data);
        }
    }

    private static Process start(int port, Path data, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("scripts/run.sh")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("GATEWAY_HTTP_PORT", String.valueOf(port));
        pb.environment().put("GATEWAY_HTTP_HOST", "127.0.0.1");
        pb.environment().put("GATEWAY_DB_EMBEDDED_DIR", data.toString());
        pb.environment().put("GATEWAY_HTTP_SHUTDOWN_DRAIN_SECONDS", "2");
        return pb.start();
    }

    private static boolean waitReady(int port, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
