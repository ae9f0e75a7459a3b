package com.huibao.gateway.adapter.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.app.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The registered clients an operator adds, rotates and removes as files without a restart: what a broken or unsafe
 * file does (skipped, the others stay), and which registration of a client id registered twice holds.
 */
class ClientRegistryTest {
    private static final String PUBLIC_KEY = "{\"kty\":\"EC\",\"use\":\"sig\",\"crv\":\"P-256\",\"kid\":\"k1\","
            + "\"x\":\"3iiWAB3cohEbDIeNm4lgesIbRRga3nM4H3BMoDFIoPk\","
            + "\"y\":\"YeyFZVSmu4dJDPGRHyP2DrABxgDsUUxiltOsb2NZPro\",\"alg\":\"ES256\"}";

    private static String client(String id, String role, String tenant) {
        return "{\"client_id\": \"" + id + "\", \"role\": \"" + role + "\", \"tenant\": \"" + tenant
                + "\", \"jwks\": {\"keys\": [" + PUBLIC_KEY + "]}}";
    }

    private static Path directory() throws Exception {
        return Files.createDirectories(Path.of("target/clients-" + UUID.randomUUID()));
    }

    /** Rewrites a file so that its change shows even within the file system's time resolution. */
    private static void rewrite(Path file, String text, int secondsLater) throws Exception {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(secondsLater)));
    }

    @Test
    void an_operator_adds_and_removes_a_client_without_a_restart() throws Exception {
        Path dir = directory();
        Files.writeString(dir.resolve("hospital.json"), client("hosp-a", "HOSPITAL", "H31010100001"));
        ClientRegistry registry = new ClientRegistry(List.of(dir));
        assertThat(registry.size()).isEqualTo(1);
        assertThat(registry.get("hosp-a").role()).isEqualTo(Role.HOSPITAL);
        assertThat(registry.reloadIfChanged()).as("nothing changed").isFalse();

        Files.writeString(dir.resolve("insurer.json"), client("ins-b", "INSURER", "INS-B"));
        Files.writeString(dir.resolve("notes.txt"), "not a registration");
        assertThat(registry.reloadIfChanged()).isTrue();
        assertThat(registry.get("ins-b").tenant()).isEqualTo("INS-B");
        assertThat(registry.size()).isEqualTo(2);

        Files.delete(dir.resolve("hospital.json"));
        assertThat(registry.reloadIfChanged()).isTrue();
        assertThat(registry.get("hosp-a")).as("a removed file's client is gone").isNull();
        assertThat(registry.size()).isEqualTo(1);
    }

    @Test
    void a_broken_or_unsafe_registration_is_skipped_and_the_others_stay() throws Exception {
        Path dir = directory();
        Path file = dir.resolve("b.json");
        Files.writeString(dir.resolve("a.json"), client("hosp-a", "HOSPITAL", "H31010100001"));
        Files.writeString(file, client("hosp-b", "HOSPITAL", "H31010100002"));
        ClientRegistry registry = new ClientRegistry(List.of(dir));
        assertThat(registry.size()).isEqualTo(2);

        rewrite(file, "{broken", 5);
        assertThat(registry.reloadIfChanged()).isTrue();
        assertThat(registry.get("hosp-b")).isNull();
        assertThat(registry.get("hosp-a")).isNotNull();

        String withPrivateKey = client("hosp-b", "HOSPITAL", "H31010100002")
                .replace("\"alg\":\"ES256\"", "\"alg\":\"ES256\",\"d\":\"secret\"");
        rewrite(file, withPrivateKey, 10);
        assertThat(registry.reloadIfChanged()).isTrue();
        assertThat(registry.get("hosp-b"))
                .as("a private key is never registered")
                .isNull();

        rewrite(file, client("patient-x", "PATIENT", "P"), 15);
        assertThat(registry.reloadIfChanged()).isTrue();
        assertThat(registry.get("patient-x"))
                .as("patients sign in with ID tokens")
                .isNull();
        assertThat(registry.size()).isEqualTo(1);
    }

    @Test
    void a_client_registered_twice_keeps_the_earlier_directory_s_registration() throws Exception {
        Path first = directory();
        Path second = directory();
        Files.writeString(second.resolve("a.json"), client("hosp-a", "HOSPITAL", "FROM-SECOND"));
        Files.writeString(first.resolve("z.json"), client("hosp-a", "HOSPITAL", "FROM-FIRST"));
        Files.writeString(first.resolve("y.json"), client("hosp-a", "HOSPITAL", "FROM-FIRST-BY-NAME"));

        ClientRegistry registry = new ClientRegistry(List.of(first, second, Path.of("target/no-such-directory")));

        assertThat(registry.get("hosp-a").tenant()).isEqualTo("FROM-FIRST-BY-NAME");
        assertThat(registry.size()).isEqualTo(1);
    }
}
