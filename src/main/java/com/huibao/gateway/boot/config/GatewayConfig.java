package com.huibao.gateway.boot.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gateway's whole configuration, parsed once and validated at start-up (every error listed at once).
 */
public record GatewayConfig(
        String gatewayId,
        boolean demo,
        HttpConfig http,
        DbConfig db,
        Path clientsDir,
        AuthConfig auth,
        PiiConfig pii,
        Path demoDir,
        Path plansDir,
        Path listsDir,
        Path signingKeyFile,
        RateLimitConfig rateLimit,
        PatientConfig patient,
        Path sm2SigningKeyFile,
        WebhookConfig webhooks,
        AuditConfig audit,
        ReferenceConfig reference,
        SigningConfig signing) {

    /**
     * The gateway's keys beyond the response key ({@code signingKeyFile}): one for webhooks, one for consent receipts
     * (null: the demo keys, in demo mode only), and retired keys whose public parts stay published, with the purpose
     * they served, until what they signed has expired.
     */
    public record SigningConfig(Path webhookKeyFile, Path receiptKeyFile, List<RetiredKey> retiredKeys) {}

    /** A key that no longer signs: its file and what it signed ({@code response}, {@code webhook}, {@code receipt}). */
    public record RetiredKey(String purpose, Path file) {
        static final Set<String> PURPOSES = Set.of("response", "webhook", "receipt");

        /** {@code purpose:path}, or a bare path for a response key. */
        static RetiredKey parse(String entry) {
            int colon = entry.indexOf(':');
            if (colon > 0 && PURPOSES.contains(entry.substring(0, colon))) {
                return new RetiredKey(
                        entry.substring(0, colon),
                        Path.of(entry.substring(colon + 1).trim()));
            }
            return new RetiredKey("response", Path.of(entry));
        }
    }

    /**
     * Reference data read from files: the regional settlement profiles (dialects and identities) and the institution
     * registry (re-read when its files change).
     */
    public record ReferenceConfig(Path profilesDir, Path institutionsDir) {}

    /** The audit chainer: how often each instance links committed records into the chain, and how many at a time. */
    public record AuditConfig(int chainMillis, int chainBatch) {}

    /** Webhook delivery (SPEC: proactive claims). */
    public record WebhookConfig(
            boolean enabled,
            int pollMillis,
            int batch,
            int leaseSeconds,
            int maxAttempts,
            int baseBackoffMillis,
            int requestTimeoutMillis) {}

    /** The patients' identity provider; {@code issuer} empty = none configured. */
    public record PatientConfig(
            String issuer, String audience, String jwks, List<String> algorithms, int clockSkewSeconds) {}

    /** Per-client request rate on one instance. */
    public record RateLimitConfig(int perSecond, int burst) {}

    /** HTTP listener. */
    public record HttpConfig(
            String host, int port, int bodyLimitBytes, int shutdownDrainSeconds, int instances, int maxInFlight) {
        /** Server instances (event loops serving HTTP): the configured number, or one per core when 0. */
        public int effectiveInstances() {
            return instances > 0 ? instances : Runtime.getRuntime().availableProcessors();
        }
    }

    /** PostgreSQL: an external server when {@code url} is set, else an embedded one. */
    public record DbConfig(String url, String user, String password, int poolSize, Path embeddedDir, int embeddedPort) {
        public boolean embedded() {
            return url.isEmpty();
        }
    }

    /** Client request-token checks. */
    public record AuthConfig(int maxTokenLifetimeSeconds, int clockSkewSeconds) {}

    /** Keys protecting identity numbers; empty values mean "use the demo key" (demo mode only). */
    public record PiiConfig(String keyId, String keyHex, String hmacKeyHex) {}

    private static Path optionalPath(String value) {
        return value.isEmpty() ? null : Path.of(value);
    }

    public static GatewayConfig load(Path yaml, Map<String, String> env) throws IOException {
        Settings s = Settings.load(yaml, env);
        GatewayConfig c = new GatewayConfig(
                s.string("id"),
                s.bool("demo"),
                new HttpConfig(
                        s.string("http.host"),
                        s.integer("http.port", 0, 65535),
                        s.integer("http.body_limit_bytes", 1024, 256 * 1024 * 1024),
                        s.integer("http.shutdown_drain_seconds", 0, 600),
                        s.integer("http.instances", 0, 256),
                        s.integer("http.max_in_flight", 1, 1_000_000)),
                new DbConfig(
                        s.string("db.url"),
                        s.string("db.user"),
                        s.string("db.password"),
                        s.integer("db.pool_size", 1, 512),
                        Path.of(s.string("db.embedded_dir")),
                        s.integer("db.embedded_port", 0, 65535)),
                Path.of(s.string("clients.dir")),
                new AuthConfig(
                        s.integer("auth.max_token_lifetime_seconds", 1, 3600),
                        s.integer("auth.clock_skew_seconds", 0, 600)),
                new PiiConfig(s.string("pii.key_id"), s.string("pii.key_hex"), s.string("pii.hmac_key_hex")),
                Path.of(s.string("demo_data.dir")),
                Path.of(s.string("demo_data.plans_dir")),
                Path.of(s.string("demo_data.lists_dir")),
                s.string("signing.key_file").isEmpty() ? null : Path.of(s.string("signing.key_file")),
                new RateLimitConfig(
                        s.integer("rate_limit.per_second", 1, 1_000_000), s.integer("rate_limit.burst", 1, 10_000_000)),
                new PatientConfig(
                        s.string("patient.issuer"),
                        s.string("patient.audience"),
                        s.string("patient.jwks"),
                        Arrays.stream(s.string("patient.algorithms").split(","))
                                .map(String::trim)
                                .filter(x -> !x.isEmpty())
                                .toList(),
                        s.integer("patient.clock_skew_seconds", 0, 600)),
                s.string("signing.sm2_key_file").isEmpty() ? null : Path.of(s.string("signing.sm2_key_file")),
                new WebhookConfig(
                        s.bool("webhooks.enabled"),
                        s.integer("webhooks.poll_millis", 10, 600_000),
                        s.integer("webhooks.batch", 1, 1000),
                        s.integer("webhooks.lease_seconds", 1, 3600),
                        s.integer("webhooks.max_attempts", 1, 1000),
                        s.integer("webhooks.base_backoff_millis", 1, 3_600_000),
                        s.integer("webhooks.request_timeout_millis", 100, 600_000)),
                new AuditConfig(s.integer("audit.chain_millis", 10, 60_000), s.integer("audit.chain_batch", 1, 10_000)),
                new ReferenceConfig(
                        Path.of(s.string("reference.profiles_dir")), Path.of(s.string("reference.institutions_dir"))),
                new SigningConfig(
                        optionalPath(s.string("signing.webhook_key_file")),
                        optionalPath(s.string("signing.receipt_key_file")),
                        Arrays.stream(s.string("signing.retired_key_files").split(","))
                                .map(String::trim)
                                .filter(x -> !x.isEmpty())
                                .map(RetiredKey::parse)
                                .toList()));
        if (c.gatewayId().isEmpty()) {
            s.error("id (GATEWAY_ID) must not be empty");
        }
        if (!c.db().embedded() && !c.db().url().startsWith("postgres")) {
            s.error("db.url (GATEWAY_DB_URL) must be a postgresql:// URL");
        }
        if (!c.demo()
                && (c.pii().keyHex().isEmpty()
                        || c.pii().hmacKeyHex().isEmpty()
                        || c.pii().keyId().isEmpty())) {
            s.error("pii.key_id, pii.key_hex and pii.hmac_key_hex (GATEWAY_PII_KEY_ID, GATEWAY_PII_KEY_HEX, "
                    + "GATEWAY_PII_HMAC_KEY_HEX) are required outside demo mode");
        }
        if (!c.patient().issuer().isEmpty()
                && (c.patient().audience().isEmpty() || c.patient().jwks().isEmpty())) {
            s.error(
                    "patient.audience and patient.jwks (GATEWAY_PATIENT_AUDIENCE, GATEWAY_PATIENT_JWKS) are required with "
                            + "patient.issuer");
        }
        if (!c.demo() && c.signingKeyFile() == null) {
            s.error("signing.key_file (GATEWAY_SIGNING_KEY_FILE) is required outside demo mode");
        }
        if (!c.demo() && (c.signing().webhookKeyFile() == null || c.signing().receiptKeyFile() == null)) {
            s.error("signing.webhook_key_file and signing.receipt_key_file (GATEWAY_SIGNING_WEBHOOK_KEY_FILE, "
                    + "GATEWAY_SIGNING_RECEIPT_KEY_FILE) are required outside demo mode: each purpose has its own key");
        }
        if (!s.errors().isEmpty()) {
            throw new ConfigException(s.errors());
        }
        return c;
    }
}
