package com.huibao.gateway.codec;

import com.huibao.gateway.app.port.InstitutionRegistry;
import com.huibao.gateway.domain.institution.Institutions;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The institution registry read from directories of JSON files ({@code config/institutions/}, docs/SETTLEMENTS.md
 * "Reference data"), re-read by {@link #reloadIfChanged()} when a file was added, changed or removed, so that an
 * operator edits it without a restart. A broken file is logged and skipped; the others stay in force. Later
 * directories and files override earlier ones code by code.
 */
public final class InstitutionDirectory implements InstitutionRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(InstitutionDirectory.class);

    private final List<Path> dirs;
    private final AtomicReference<Institutions> current = new AtomicReference<>(Institutions.EMPTY);
    private volatile String fingerprint = "";

    public InstitutionDirectory(List<Path> dirs) {
        this.dirs = List.copyOf(dirs);
        reloadIfChanged();
    }

    @Override
    public Institutions current() {
        return current.get();
    }

    /** Re-reads the directories if any file's name, size or modification time changed; returns whether it did. */
    public synchronized boolean reloadIfChanged() {
        JsonDirectories.Snapshot scan = JsonDirectories.scan(dirs);
        if (scan.fingerprint().equals(fingerprint)) {
            return false;
        }
        List<Path> files = scan.files();
        List<InstitutionsJson.Listed> listed = new ArrayList<>();
        Map<String, String> codes = new HashMap<>();
        for (Path f : files) {
            try {
                InstitutionsJson.RegistryFile file = InstitutionsJson.read(Json.parse(Files.readAllBytes(f)));
                listed.addAll(file.institutions());
                codes.putAll(file.codes());
            } catch (IOException | InvalidDocumentException e) {
                LOG.warn("institution file {} skipped: {}", f, e.getMessage());
            }
        }
        current.set(Institutions.of(InstitutionsJson.resolve(listed, codes)));
        fingerprint = scan.fingerprint();
        LOG.debug(
                "institution registry: {} institutions with a code, from {} files",
                current.get().size(),
                files.size());
        return true;
    }
}
