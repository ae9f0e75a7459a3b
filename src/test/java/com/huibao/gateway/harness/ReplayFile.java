package com.huibao.gateway.harness;

import com.huibao.gateway.codec.Json;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the input of {@code scripts/bench-replay}: a directory with the benchmark plan, its two coverage lists
 * (5,000 entries each), the policies of {@code people} people and {@code count} thirty-line settlements as NDJSON,
 * settlement {@code i} of person {@code i % people} (so each person has several). Deterministic: the same arguments
 * give the same bytes.
 *
 * <p>Usage: {@code ReplayFile DIR COUNT PEOPLE}
 */
public final class ReplayFile {
    private ReplayFile() {}

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        int people = Integer.parseInt(args[2]);
        Files.write(dir.resolve("plans.json"), concat("[", BenchData.plan(), "]"));
        Files.write(
                dir.resolve("lists.json"),
                concat(
                        "[",
                        BenchData.list("BENCH-DRUGS", 5000, 1),
                        ",",
                        BenchData.list("BENCH-DEVICES", 5000, 2),
                        "]"));
        Files.write(dir.resolve("policies.json"), BenchData.policies(0, people));
        try (OutputStream out =
                new BufferedOutputStream(Files.newOutputStream(dir.resolve("settlements.ndjson")), 1 << 20)) {
            for (int i = 0; i < count; i++) {
                // one line per document: the builder's JSON is compact already
                out.write(Json.bytes(Json.parse(BenchData.settlement(String.format("R%09d", i), i % people, i))));
                out.write('\n');
            }
        }
    }

    private static byte[] concat(Object... parts) {
        StringBuilder s = new StringBuilder();
        for (Object p : parts) {
            s.append(p instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : p);
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
