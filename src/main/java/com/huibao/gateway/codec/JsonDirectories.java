package com.huibao.gateway.codec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code *.json} files of directories an operator edits while the gateway runs (registered clients,
 * institutions): each directory's files sorted by name, the directories in the order given, and a fingerprint of
 * every file's name, size and modification time, so that a registry re-reads them only when one was added, changed
 * or removed. A missing directory holds no files; an unreadable one is logged and holds none.
 */
public final class JsonDirectories {
    private static final Logger LOG = LoggerFactory.getLogger(JsonDirectories.class);

    /** The files found and their fingerprint: equal fingerprints mean nothing to re-read. */
    public record Snapshot(List<Path> files, String fingerprint) {}

    private JsonDirectories() {}

    public static Snapshot scan(List<Path> dirs) {
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".json"))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                LOG.warn("directory {} unreadable: {}", dir, e.getMessage());
            }
        }
        StringBuilder fp = new StringBuilder();
        for (Path f : files) {
            try {
                fp.append(f)
                        .append(Files.size(f))
                        .append(Files.getLastModifiedTime(f).toMillis())
                        .append(';');
            } catch (IOException e) {
                fp.append(f).append("?;");
            }
        }
        return new Snapshot(List.copyOf(files), fp.toString());
    }
}
