package com.huibao.gateway.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/**
 * The two runners of the pricing lab give the same figures to the fen (each claimant's year, every total, the same
 * largest differences and the same report): a synthetic year of 20,000 members (over
 * 100,000 settlements) priced under 沪惠保 2025 and its variant with the national 商保创新药目录, once by the
 * embedded runner and by Spark ({@code local[2]}, partitioned by person), from the NDJSON and from the same year
 * written as Parquet.
 */
class SparkPricingTest {
    private static final String HMAC = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

    @Test
    void spark_and_the_embedded_runner_give_identical_figures() throws Exception {
        Path dir = Files.createDirectories(Path.of("pricing-spark/target/equality"));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(SyntheticYear.run(
                        new String[] {
                            "--people", "20000", "--out", dir.resolve("year").toString()
                        },
                        quiet,
                        quiet))
                .isZero();
        Path history = dir.resolve("year/settlements.ndjson");
        try (var lines = Files.lines(history)) {
            assertThat(lines.count()).isGreaterThanOrEqualTo(100_000);
        }
        Map<String, String> opts = Map.of(
                "history",
                history.toString(),
                "members",
                dir.resolve("year/members.csv").toString(),
                "plans",
                "config/plans/huiminbao-2025.json,config/plans/pricing/huiminbao-2025-with-chiidl.json",
                "lists",
                "config/lists/huiminbao-2025-lists.json,config/lists/chiidl-2025.json",
                "institutions",
                "config/institutions,config/demo/institutions",
                "hmac-key-hex",
                HMAC);

        Deidentifier deid = new Deidentifier(Hex.decode(HMAC));
        PriceCommand.Priced embedded;
        try (InputStream in = Files.newInputStream(history)) {
            embedded = PriceCommand.price(
                    OfflineReference.load(opts),
                    PriceCommand.members(Path.of(opts.get("members")), deid),
                    in,
                    deid,
                    2,
                    200);
        }
        PriceCommand.Priced spark;
        SparkConf conf = new SparkConf()
                .setMaster("local[2]")
                .setAppName("pricing-equality")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1");
        PriceCommand.Priced fromParquet;
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            spark = SparkPricing.price(sc, opts, 8);
            // the same year kept as Parquet (settlements as structs and arrays, as a data platform would hold it)
            Path parquet = dir.resolve("year/settlements.parquet");
            SparkSession.builder()
                    .config(sc.getConf())
                    .getOrCreate()
                    .read()
                    .json(history.toString())
                    .write()
                    .mode("overwrite")
                    .parquet(parquet.toString());
            Map<String, String> fromFile = new HashMap<>(opts);
            fromFile.put("history", parquet.toString());
            fromParquet = SparkPricing.price(sc, fromFile, 8);
        }
        PricingReport.write(Files.createDirectories(dir.resolve("embedded")), embedded);
        PricingReport.write(Files.createDirectories(dir.resolve("spark")), spark);

        assertThat(embedded.figures().get("HMB-2025").members()).isEqualTo(20_000);
        assertThat(embedded.figures().get("HMB-2025").payout().isZero()).isFalse();
        assertThat(PricingReport.figures(spark)).isEqualTo(PricingReport.figures(embedded));
        assertThat(spark.largestDifferences()).isNotEmpty().isEqualTo(embedded.largestDifferences());
        assertThat(PricingReport.sampleDiff(spark)).isEqualTo(PricingReport.sampleDiff(embedded));
        assertThat(PricingReport.html(spark)).isEqualTo(PricingReport.html(embedded));
        assertThat(spark.intake()).isEqualTo(embedded.intake());
        assertThat(PricingReport.figures(fromParquet))
                .as("the year read from Parquet")
                .isEqualTo(PricingReport.figures(embedded));
        assertThat(fromParquet.intake()).isEqualTo(embedded.intake());
        for (String plan : embedded.figures().keySet()) {
            assertThat(spark.figures().get(plan).byClaimant())
                    .as(plan + ": every claimant's year")
                    .isEqualTo(embedded.figures().get(plan).byClaimant());
        }
    }
}
