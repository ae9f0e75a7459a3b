package com.huibao.gateway.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.huibao.gateway.adapter.pg.DbTarget;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.crypto.RequestSigner;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.Sql;
import com.huibao.gateway.support.TestGateway;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Hostile requests, generated two ways: from the OpenAPI contract (every operation, hostile path and query values,
 * bodies of the wrong shape) and by mutating valid documents (wrong types, huge numbers, 3-decimal amounts, long
 * strings, deep nesting, duplicate keys, truncation, invalid UTF-8, 10 MB bodies, wrong content types). Each
 * request is signed by a client allowed to make it, so that it reaches validation rather than stopping at
 * authentication. After each refused request the state digest must be unchanged; no answer may be a 5xx.
 */
public final class Fuzzer {
    /** One generated request. */
    public record Case(String label, String method, String path, String client, byte[] body, String contentType) {}

    /** What a run found. */
    public record Report(
            int requests,
            int accepted,
            int refused,
            int serverErrors,
            int changedOnRefusal,
            int connectionsClosed,
            Map<Integer, Integer> statuses,
            List<String> failures,
            long heapBeforeMb,
            long heapAfterMb) {
        public boolean clean() {
            return failures.isEmpty();
        }

        @Override
        public String toString() {
            return String.format(
                    "requests %d, accepted (2xx) %d, refused %d, 5xx %d, state changed on a refusal %d, "
                            + "connections closed by the gateway %d, heap after GC %d MB -> %d MB%nstatuses %s%s",
                    requests,
                    accepted,
                    refused,
                    serverErrors,
                    changedOnRefusal,
                    connectionsClosed,
                    heapBeforeMb,
                    heapAfterMb,
                    statuses,
                    failures.isEmpty() ? "" : "\nfailures:\n  " + String.join("\n  ", failures));
        }
    }

    private static final String[] HOSTILE_STRINGS = {
        "",
        " ",
        "../../etc/passwd",
        "%00",
        "' OR 1=1 --",
        "\u0000",
        "\u202e\u0041\u0042",
        "😀😀😀",
        "a".repeat(5000),
        "-1",
        "1e309",
        "NaN",
        "null",
        "{}",
        "[]",
        "\\\\",
        "<script>",
        "2026-02-30",
        "9999-99-99",
        "0.001",
        "１２３"
    };
    private static final BigDecimal[] HOSTILE_NUMBERS = {
        new BigDecimal("1e308"),
        new BigDecimal("-1"),
        new BigDecimal("100.005"),
        new BigDecimal("0.001"),
        new BigDecimal("99999999999999999999999999.99"),
        new BigDecimal("1E+400"),
        new BigDecimal("-0.00"),
        new BigDecimal("123456789012345678901234567890")
    };

    private final TestGateway gw;
    private final Random random;
    private HttpClient http = newClient();
    private final List<JsonNode> operations = new ArrayList<>();
    private final String patientToken;
    private final NationalMutations national;
    private int sequence;

    public Fuzzer(TestGateway gw, long seed) throws IOException {
        this.gw = gw;
        this.random = new Random(seed);
        this.national = new NationalMutations(random);
        JsonNode contract = new YAMLMapper().readTree(Files.readString(Path.of("contracts/openapi.yaml")));
        contract.get("paths")
                .fields()
                .forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
                    if (!Set.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                        return;
                    }
                    ObjectNode o = ((ObjectNode) op.getValue()).deepCopy();
                    o.put("_path", p.getKey()).put("_method", op.getKey().toUpperCase());
                    operations.add(o);
                }));
        this.patientToken = Json.parse(
                        gw.send(gw.request("POST", "/demo/patient-token", null).build())
                                .body())
                .get("id_token")
                .asText();
    }

    /** Sends {@code n} generated requests one by one, checking each. */
    public Report run(int n) {
        DbTarget db = gw.gateway().database();
        long heapBefore = heapAfterGcMb();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        int refused = 0;
        int serverErrors = 0;
        int changed = 0;
        int closed = 0;
        try (Connection c = Sql.connect(db)) {
            String before = StateDigest.of(c);
            Iterator<Case> cases = cases(n);
            while (cases.hasNext()) {
                Case k = cases.next();
                int status;
                try {
                    status = sendOnce(k);
                } catch (IOException e) {
                    // the gateway may close the connection after refusing an oversized body or URI (413/414 sent first,
                    // the
                    // client still writing); not otherwise
                    closed++;
                    status = -1;
                    boolean overLimit =
                            k.path().length() > 4000 || k.body() != null && k.body().length > 8 * 1024 * 1024;
                    if (!overLimit) {
                        failures.add("connection closed on " + k.label() + " " + k.method() + " " + abbreviate(k.path())
                                + ": " + e);
                    }
                }
                statuses.merge(status, 1, Integer::sum);
                String after = StateDigest.of(c);
                if (status / 100 == 5) {
                    serverErrors++;
                    failures.add(status + " on " + k.label() + " " + k.method() + " " + abbreviate(k.path()));
                }
                if (status / 100 == 2) {
                    accepted++;
                } else {
                    refused++;
                    if (!after.equals(before)) {
                        changed++;
                        failures.add("state changed on refused (" + status + ") " + k.label() + " " + k.method() + " "
                                + abbreviate(k.path()) + ": " + before + " -> " + after);
                    }
                }
                before = after;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Report(
                n,
                accepted,
                refused,
                serverErrors,
                changed,
                closed,
                statuses,
                failures.size() > 50 ? failures.subList(0, 50) : failures,
                heapBefore,
                heapAfterGcMb());
    }

    /**
     * The generated requests: one in four from the contract, one in four a mutated national bundle, the rest mutate a
     * valid flat document or other request.
     */
    public Iterator<Case> cases(int n) {
        return new Iterator<>() {
            private int made;

            @Override
            public boolean hasNext() {
                return made < n;
            }

            @Override
            public Case next() {
                made++;
                return switch (random.nextInt(4)) {
                    case 0 -> fromContract();
                    case 1 -> national.next(sequence++);
                    default -> mutated();
                };
            }
        };
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * Sends a case. After an oversized request the gateway closes that connection, and the client's pool may hand the
     * closing connection to the next request ("received no bytes"): such a request is sent once more on a new client,
     * and only a second failure counts.
     */
    private int sendOnce(Case k) throws IOException {
        boolean oversized = k.path().length() > 4000 || k.body() != null && k.body().length > 8 * 1024 * 1024;
        try {
            return send(k).statusCode();
        } catch (IOException e) {
            http = newClient();
            if (oversized) {
                throw e;
            }
            return send(k).statusCode();
        } finally {
            if (oversized) {
                http = newClient();
            }
        }
    }

    private HttpResponse<String> send(Case k) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.port() + k.path()))
                .timeout(Duration.ofSeconds(30))
                .method(
                        k.method(),
                        k.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(k.body()));
        if (k.contentType() != null) {
            b.header("Content-Type", k.contentType());
        }
        if ("PATIENT".equals(k.client())) {
            b.header("Authorization", "Bearer " + patientToken);
        } else if (k.client() != null) {
            RequestSigner signer = TestGateway.demoSigner(k.client());
            b.header(
                    "Authorization",
                    "Bearer " + signer.sign(k.method(), k.path(), k.body() == null ? new byte[0] : k.body()));
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    // ---- from the contract ----

    private Case fromContract() {
        JsonNode op = operations.get(random.nextInt(operations.size()));
        String method = op.get("_method").asText();
        String path = op.get("_path").asText();
        StringBuilder resolved = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (resolved.length() > 0 || !segment.isEmpty()) {
                resolved.append('/');
            }
            resolved.append(segment.startsWith("{") ? encode(hostileString()) : segment);
        }
        if (resolved.length() == 0) {
            resolved.append('/');
        }
        List<String> query = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            if ("query".equals(p.path("in").asText()) && random.nextBoolean()) {
                query.add(p.get("name").asText() + "=" + encode(hostileString()));
            }
        }
        if (random.nextInt(5) == 0) {
            query.add("unknown_param=" + encode(hostileString()));
        }
        String full = resolved + (query.isEmpty() ? "" : "?" + String.join("&", query));
        byte[] body = op.has("requestBody") || random.nextInt(4) == 0 ? Json.bytes(randomJson(0)) : null;
        return new Case(
                "contract:" + op.path("operationId").asText(),
                method,
                full,
                clientFor(op),
                body,
                random.nextInt(6) == 0 ? "text/plain" : "application/json");
    }

    private static String clientFor(JsonNode op) {
        JsonNode roles = op.path("x-roles");
        String role = roles.isArray() && roles.size() > 0 ? roles.get(0).asText() : "";
        return switch (role) {
            case "HOSPITAL" -> "demo-hospital";
            case "INSURER" -> "demo-insurer-hmb";
            case "DATA_FEED" -> "demo-datafeed";
            case "PATIENT" -> "PATIENT";
            default -> null;
        };
    }

    private JsonNode randomJson(int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (depth > 3 ? random.nextInt(5) : random.nextInt(7)) {
            case 0:
                return f.textNode(hostileString());
            case 1:
                return f.numberNode(HOSTILE_NUMBERS[random.nextInt(HOSTILE_NUMBERS.length)]);
            case 2:
                return f.booleanNode(random.nextBoolean());
            case 3:
                return f.nullNode();
            case 4:
                return f.numberNode(random.nextLong());
            case 5: {
                ObjectNode o = f.objectNode();
                String[] names = {
                    "setl_id",
                    "policy_no",
                    "url",
                    "payment_ref",
                    "paid_at",
                    "insurer_id",
                    "purposes",
                    "setlinfo",
                    "feedetail",
                    "plan_id",
                    "entries",
                    "x"
                };
                for (int i = random.nextInt(5); i >= 0; i--) {
                    o.set(names[random.nextInt(names.length)], randomJson(depth + 1));
                }
                return o;
            }
            default: {
                ArrayNode a = f.arrayNode();
                for (int i = random.nextInt(4); i >= 0; i--) {
                    a.add(randomJson(depth + 1));
                }
                return a;
            }
        }
    }

    // ---- mutations of valid documents ----

    private record Seed(String label, String method, String path, String client, JsonNode body) {}

    private Seed seed() {
        String setl = "S-FUZZ-" + (sequence++);
        return switch (random.nextInt(8)) {
            case 0 ->
                new Seed(
                        "preview",
                        "POST",
                        "/v1/direct-settlements/preview",
                        "demo-hospital",
                        Json.parse(Settlements.inpatient(setl)));
            case 1 ->
                new Seed(
                        "confirm",
                        "PUT",
                        "/v1/direct-settlements/" + setl,
                        "demo-hospital",
                        Json.parse(Settlements.inpatient(setl)));
            case 2 ->
                new Seed(
                        "intake", "POST", "/v1/settlements", "demo-datafeed", Json.parse(Settlements.outpatient(setl)));
            case 3 ->
                new Seed(
                        "quick-claim",
                        "POST",
                        "/v1/quick-claims",
                        "demo-insurer-pmi",
                        Json.object().put("setl_id", setl).put("policy_no", "PMI-778899"));
            case 4 ->
                new Seed(
                        "policy",
                        "POST",
                        "/v1/policies",
                        "demo-insurer-hmb",
                        Json.parse("{\"policy_no\":\"FZ-"
                                + setl
                                + "\",\"plan_id\":\"HMB-2026\",\"insurer_id\":\"INS-HMB\",\"psn_cert_type\":\"01\",\"certno\":"
                                + "\"310101198001010011\",\"effective_from\":\"2026-01-01\",\"effective_to\":\"2027-01-01\","
                                + "\"preexisting_conditions\":[]}"));
            case 5 ->
                new Seed(
                        "consent",
                        "POST",
                        "/v1/me/consents",
                        "PATIENT",
                        Json.parse(
                                "{\"insurer_id\":\"INS-PMI\","
                                        + "\"purposes\":[\"QUICK_CLAIM\"],\"covers_from\":\"2026-01-01\",\"expires_at\":\"2030-01-01T00:00:00+08:00\"}"));
            case 6 ->
                new Seed(
                        "webhook",
                        "PUT",
                        "/v1/webhook",
                        "demo-insurer-hmb",
                        Json.parse("{\"url\":\"http://127.0.0.1:9/hook\",\"signature_alg\":\"ES256\"}"));
            default ->
                new Seed(
                        "payment",
                        "POST",
                        "/v1/claims/CLM-" + setl + "/payment",
                        "demo-insurer-hmb",
                        Json.parse("{\"payment_ref\":\"PAY-1\",\"paid_at\":\"2026-03-20T10:00:00+08:00\"}"));
        };
    }

    private Case mutated() {
        Seed s = seed();
        JsonNode doc = s.body().deepCopy();
        String contentType = "application/json";
        byte[] body;
        String kind;
        switch (random.nextInt(12)) {
            case 0, 1, 2, 3 -> {
                kind = replaceLeaf(doc);
                body = Json.bytes(doc);
            }
            case 4 -> {
                kind = "remove field";
                removeSomething(doc);
                body = Json.bytes(doc);
            }
            case 5 -> {
                kind = "deep nesting";
                int depth = 50 + random.nextInt(20_000);
                body = ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
                if (random.nextBoolean()) {
                    String text = Json.write(doc);
                    int at = text.indexOf(':') + 1;
                    body = (text.substring(0, at) + "[".repeat(depth) + "1" + "]".repeat(depth) + ","
                                    + text.substring(text.indexOf(',', at) + 1))
                            .getBytes(StandardCharsets.UTF_8);
                }
            }
            case 6 -> {
                kind = "duplicate key";
                String text = Json.write(doc);
                int close = text.lastIndexOf('}');
                String first = text.substring(1, Math.max(1, text.indexOf(',')));
                body = (close > 1 && first.contains(":")
                                ? text.substring(0, close) + "," + first + "}"
                                : "{\"a\":1,\"a\":2}")
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 7 -> {
                kind = "truncated";
                byte[] full = Json.bytes(doc);
                body = Arrays.copyOf(full, random.nextInt(Math.max(1, full.length)));
            }
            case 8 -> {
                kind = "invalid UTF-8";
                byte[] full = Json.bytes(doc);
                int at = Math.max(0, Json.write(doc).indexOf('"', 2));
                byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80
                };
                body = new byte[full.length + bad.length];
                System.arraycopy(full, 0, body, 0, at + 1);
                System.arraycopy(bad, 0, body, at + 1, bad.length);
                System.arraycopy(full, at + 1, body, at + 1 + bad.length, full.length - at - 1);
            }
            case 9 -> {
                kind = "10 MB body";
                if (doc.isObject()) {
                    ((ObjectNode) doc).put("padding", "x".repeat(10 * 1024 * 1024));
                }
                body = doc.isObject() ? Json.bytes(doc) : new byte[10 * 1024 * 1024];
            }
            case 10 -> {
                kind = "wrong content type";
                body = Json.bytes(doc);
                String[] types = {
                    "text/plain",
                    "application/xml",
                    "multipart/form-data; boundary=x",
                    null,
                    "application/json; charset=latin1",
                    "text/csv"
                };
                contentType = types[random.nextInt(types.length)];
            }
            default -> {
                kind = "wrong document";
                body = Json.bytes(randomJson(0));
            }
        }
        return new Case(s.label() + ":" + kind, s.method(), s.path(), s.client(), body, contentType);
    }

    /** Replaces one leaf (or container) somewhere in the document with a hostile value; says what it did. */
    private String replaceLeaf(JsonNode doc) {
        List<Object[]> slots = new ArrayList<>();
        collect(doc, slots);
        if (slots.isEmpty()) {
            return "none";
        }
        Object[] slot = slots.get(random.nextInt(slots.size()));
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode value;
        String what;
        switch (random.nextInt(8)) {
            case 0 -> {
                value = f.textNode(hostileString());
                what = "hostile string";
            }
            case 1 -> {
                value = f.numberNode(HOSTILE_NUMBERS[random.nextInt(HOSTILE_NUMBERS.length)]);
                what = "hostile number";
            }
            case 2 -> {
                value = f.textNode(HOSTILE_NUMBERS[random.nextInt(HOSTILE_NUMBERS.length)].toPlainString());
                what = "hostile amount";
            }
            case 3 -> {
                value = f.textNode(random.nextInt(1000) + "." + String.format("%03d", random.nextInt(1000)));
                what = "3-decimal amount";
            }
            case 4 -> {
                value = f.nullNode();
                what = "null";
            }
            case 5 -> {
                value = f.arrayNode().add(1).add("x");
                what = "array for a value";
            }
            case 6 -> {
                value = f.objectNode().put("x", 1);
                what = "object for a value";
            }
            default -> {
                value = f.booleanNode(true);
                what = "boolean";
            }
        }
        if (slot[0] instanceof ObjectNode o) {
            o.set((String) slot[1], value);
        } else {
            ((ArrayNode) slot[0]).set((Integer) slot[1], value);
        }
        return what + " at " + slot[1];
    }

    private void removeSomething(JsonNode doc) {
        List<Object[]> slots = new ArrayList<>();
        collect(doc, slots);
        if (slots.isEmpty()) {
            return;
        }
        Object[] slot = slots.get(random.nextInt(slots.size()));
        if (slot[0] instanceof ObjectNode o) {
            o.remove((String) slot[1]);
        } else {
            ((ArrayNode) slot[0]).remove((int) (Integer) slot[1]);
        }
    }

    private static void collect(JsonNode node, List<Object[]> slots) {
        if (node instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(name -> {
                slots.add(new Object[] {o, name});
                collect(o.get(name), slots);
            });
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                slots.add(new Object[] {a, i});
                collect(a.get(i), slots);
            }
        }
    }

    private String hostileString() {
        return HOSTILE_STRINGS[random.nextInt(HOSTILE_STRINGS.length)];
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    private static long heapAfterGcMb() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) / (1024 * 1024);
    }

    /** {@code scripts/fuzz}: the full run against a fresh gateway on the embedded database. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.currentTimeMillis();
        try (TestGateway gw = TestGateway.start(
                Map.of("GATEWAY_RATE_LIMIT_PER_SECOND", "100000", "GATEWAY_RATE_LIMIT_BURST", "100000"))) {
            Report r = new Fuzzer(gw, seed).run(n);
            System.out.println("fuzz (seed " + seed + "): " + r);
            if (!r.clean()) {
                System.exit(1);
            }
        }
    }
}
