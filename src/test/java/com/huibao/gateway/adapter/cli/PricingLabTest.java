package com.huibao.gateway.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.domain.money.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pricing lab on a synthetic year: 沪惠保 2025 as shipped and the variant with the national 商保创新药目录; the
 * figures add up, do not depend on the number of threads, the variant pays the innovative drugs on top, and nothing
 * written names a person.
 */
class PricingLabTest {
    private static final String HMAC = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static Path dir;

    @BeforeAll
    static void aSyntheticYear() throws IOException {
        dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pricing-");
        assertThat(SyntheticYear.run(
                        new String[] {
                            "--people", "3000", "--out", dir.resolve("year").toString(), "--seed", "7"
                        },
                        quiet(),
                        quiet()))
                .isZero();
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    private static int price(String out, int threads) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = PriceCommand.run(
                new String[] {
                    "--history",
                    dir.resolve("year/settlements.ndjson").toString(),
                    "--members",
                    dir.resolve("year/members.csv").toString(),
                    "--plans",
                    "config/plans/huiminbao-2025.json,config/plans/pricing/huiminbao-2025-with-chiidl.json",
                    "--lists",
                    "config/lists/huiminbao-2025-lists.json,config/lists/chiidl-2025.json",
                    "--institutions",
                    "config/institutions,config/demo/institutions",
                    "--hmac-key-hex",
                    HMAC,
                    "--threads",
                    String.valueOf(threads),
                    "--out",
                    dir.resolve(out).toString()
                },
                quiet(),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        return rc;
    }

    /** figures.csv as plan → figure:key → value. */
    private static Map<String, Map<String, String>> figures(String out) throws IOException {
        Map<String, Map<String, String>> f = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve(out).resolve("figures.csv")).stream()
                .skip(1)
                .toList()) {
            String[] c = line.split(",", -1);
            f.computeIfAbsent(c[0], k -> new HashMap<>()).put(c[1] + ":" + c[2], c[3]);
        }
        return f;
    }

    @Test
    void the_figures_add_up_and_do_not_depend_on_threads() throws IOException {
        assertThat(price("one", 1)).isZero();
        assertThat(price("three", 3)).isZero();
        for (String file : List.of("figures.csv", "sample-diff.csv", "report.html")) {
            assertThat(Files.readString(dir.resolve("three").resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readString(dir.resolve("one").resolve(file)));
        }
        Map<String, Map<String, String>> f = figures("one");
        for (String plan : List.of("HMB-2025", "HMB-2025-CHIIDL")) {
            Map<String, String> p = f.get(plan);
            assertThat(p.get("members:")).isEqualTo("3000");
            Money byBenefit = p.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("payout_by_benefit:"))
                    .map(e -> Money.parse(e.getValue()))
                    .reduce(Money.ZERO, Money::plus);
            assertThat(byBenefit).as(plan + ": Σ by benefit = payout").isEqualTo(Money.parse(p.get("payout:")));
            assertThat(Money.parse(p.get("payout:"))).isLessThanOrEqualTo(Money.parse(p.get("burden:")));
        }
        Map<String, String> base = f.get("HMB-2025");
        Map<String, String> variant = f.get("HMB-2025-CHIIDL");
        assertThat(base).doesNotContainKey("payout_by_benefit:INNOVATIVE_DRUGS");
        assertThat(Money.parse(variant.get("payout_by_benefit:INNOVATIVE_DRUGS")))
                .isGreaterThan(Money.ZERO);
        assertThat(Money.parse(variant.get("payout:")))
                .isEqualTo(Money.parse(base.get("payout:"))
                        .plus(Money.parse(variant.get("payout_by_benefit:INNOVATIVE_DRUGS"))));
        assertThat(Files.readAllLines(dir.resolve("one/sample-diff.csv"))).hasSizeGreaterThan(1);
    }

    @Test
    void nothing_written_names_a_person() throws IOException {
        assertThat(price("scan", 2)).isZero();
        List<String> identities = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("year/members.csv")).stream()
                .skip(1)
                .toList()) {
            identities.add(line.split(",")[1]);
        }
        assertThat(identities).hasSize(3000);
        try (Stream<Path> files = Files.list(dir.resolve("scan"))) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                assertThat(text).as(file + ": no name").doesNotContain("测试甲");
                assertThat(text).as(file + ": no diagnosis text").doesNotContain("胆囊结石");
                for (String certno : identities) {
                    assertThat(text.contains(certno))
                            .as(file + " holds an identity number")
                            .isFalse();
                    assertThat(text.contains(certno.substring(6, 18)))
                            .as(file + " holds a person number")
                            .isFalse();
                }
            }
        }
    }
}
