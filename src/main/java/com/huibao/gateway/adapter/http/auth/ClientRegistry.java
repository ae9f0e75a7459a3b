package com.huibao.gateway.adapter.http.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.huibao.gateway.app.security.Role;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.codec.JsonDirectories;
import com.huibao.gateway.crypto.Sm2;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registered clients read from directories of JSON files, one client per {@code *.json}:
 * {@code {"client_id", "role", "tenant", "display_name", "jwks": {"keys": [...]}, "allowed_ips": [...]}}. {@link #reloadIfChanged()}
 * re-reads the directories when a file was added, changed or removed; a broken file is logged and skipped, and
 * the other clients stay registered. A client id registered twice keeps its first registration: the earlier
 * directory's, within a directory the file first by name.
 */
public final class ClientRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ClientRegistry.class);

    private final List<Path> dirs;
    private final AtomicReference<Map<String, RegisteredClient>> clients = new AtomicReference<>(Map.of());
    private volatile String fingerprint = "";

    public ClientRegistry(List<Path> dirs) {
        this.dirs = List.copyOf(dirs);
        reloadIfChanged();
    }

    public RegisteredClient get(String clientId) {
        return clients.get().get(clientId);
    }

    /** The display name registered for a tenant of the role (by any of its clients); null when none is. */
    public String displayName(Role role, String tenant) {
        for (RegisteredClient c : clients.get().values()) {
            if (c.role() == role && c.tenant().equals(tenant) && c.displayName() != null) {
                return c.displayName();
            }
        }
        return null;
    }

    public int size() {
        return clients.get().size();
    }

    /** Re-reads the directories if any file's name, size or modification time changed; returns whether it did. */
    public synchronized boolean reloadIfChanged() {
        JsonDirectories.Snapshot scan = JsonDirectories.scan(dirs);
        if (scan.fingerprint().equals(fingerprint)) {
            return false;
        }
        Map<String, RegisteredClient> loaded = new HashMap<>();
        for (Path f : scan.files()) {
            try {
                RegisteredClient c = read(Json.parse(Files.readAllBytes(f)));
                if (loaded.putIfAbsent(c.clientId(), c) != null) {
                    LOG.error("client {} is registered twice; keeping the first, ignoring {}", c.clientId(), f);
                }
            } catch (IOException | RuntimeException | ParseException e) {
                LOG.error("client registration {} is invalid and was skipped: {}", f, e.getMessage());
            }
        }
        clients.set(Map.copyOf(loaded));
        fingerprint = scan.fingerprint();
        LOG.info("client registry loaded: {} client(s) from {}", loaded.size(), dirs);
        return true;
    }

    static RegisteredClient read(JsonNode doc) throws ParseException {
        String id = text(doc, "client_id");
        Role role = Role.valueOf(text(doc, "role"));
        if (role == Role.PATIENT) {
            throw new IllegalArgumentException("patients are not registered clients");
        }
        ArrayNode standard = Json.MAPPER.createArrayNode();
        Map<String, ECPublicKeyParameters> sm2 = new HashMap<>();
        for (JsonNode k : doc.path("jwks").path("keys")) {
            if (k.has("d")) {
                throw new IllegalArgumentException(
                        "client " + id + " registers a private key; register public keys only");
            }
            if (Sm2.CURVE.equals(k.path("crv").asText())) {
                if (!k.hasNonNull("kid")) {
                    throw new IllegalArgumentException("client " + id + ": an SM2 key needs a kid");
                }
                sm2.put(
                        k.get("kid").asText(),
                        Sm2.publicKey(k.path("x").asText(), k.path("y").asText()));
            } else {
                standard.add(k);
            }
        }
        JWKSet jwks = JWKSet.parse(Json.write(Json.object().set("keys", standard)));
        for (JWK k : jwks.getKeys()) {
            if (k.isPrivate()) {
                throw new IllegalArgumentException(
                        "client " + id + " registers a private key; register public keys only");
            }
        }
        if (jwks.getKeys().isEmpty() && sm2.isEmpty()) {
            throw new IllegalArgumentException("client " + id + " has no key");
        }
        List<String> ips = new ArrayList<>();
        if (doc.has("allowed_ips")) {
            doc.get("allowed_ips").forEach(n -> ips.add(n.asText()));
        }
        String name = doc.hasNonNull("display_name") ? doc.get("display_name").asText() : null;
        return new RegisteredClient(id, role, text(doc, "tenant"), jwks, sm2, ips, name);
    }

    private static String text(JsonNode doc, String field) {
        JsonNode n = doc.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return n.asText();
    }
}
