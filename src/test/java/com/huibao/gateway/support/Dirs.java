package com.huibao.gateway.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Test and harness directories. */
public final class Dirs {
    private Dirs() {}

    /**
     * Deletes a directory and everything in it, best effort: an embedded database's data directory is about 1 GB after
     * a bench run, too much to leave behind every run.
     */
    public static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: target/ is cleaned by the next build anyway
        }
    }
}
