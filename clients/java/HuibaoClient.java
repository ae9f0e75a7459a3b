import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A signed request to Huibao Gateway, and the check of its signed answer, in Java: the JDK and nimbus-jose-jwt only.
 *
 * <pre>
 * java -cp nimbus-jose-jwt-10.0.2.jar clients/java/HuibaoClient.java --gateway http://localhost:8080 \
 *     --client demo-hospital --key config/demo/keys/demo-hospital.private.jwk POST /v1/eligibility body.json
 * </pre>
 *
 * Prints the answer's body on stdout and "HTTP status, signature verified (kid …)" on stderr; exits 0 when the answer
 * is a 2xx whose Huibao-Signature verifies, 1 otherwise. Copy the class into your own code to use {@link #call}.
 */
public final class HuibaoClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String gateway;
    private final String clientId;
    private final String audience;
    private final ECKey key;
    private List<Map<String, Object>> jwks;

    public HuibaoClient(String gateway, String clientId, ECKey privateKey, String audience) {
        if (!privateKey.isPrivate()) {
            throw new IllegalArgumentException("an ES256 private JWK (with d) is needed");
        }
        this.gateway = gateway.replaceAll("/$", "");
        this.clientId = clientId;
        this.key = privateKey;
        this.audience = audience;
    }

    public record Answer(int status, byte[] body, String kid) {}

    /** The request token: ES256, typ JWT, bound to this method, path and query, and body. */
    public String token(String method, String pathAndQuery, byte[] body) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(clientId)
                .subject(clientId)
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(120))) // at most 300 s
                .jwtID(UUID.randomUUID().toString()) // accepted once
                .claim("htm", method.toUpperCase(Locale.ROOT))
                .claim("htu", pathAndQuery); // path and query exactly as sent
        if (body.length > 0) { // base64url SHA-256 of the exact body bytes
            claims.claim("bsh", Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(body)).toString());
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(),
                claims.build());
        jwt.sign(new ECDSASigner(key)); // JWS ES256: raw r || s, as the gateway expects
        return jwt.serialize();
    }

    private List<Map<String, Object>> keys(boolean refresh) throws Exception {
        if (jwks == null || refresh) { // cache it; fetch again on an unknown kid
            String json = http.send(
                            HttpRequest.newBuilder(URI.create(gateway + "/.well-known/jwks.json")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            jwks = List.of(JSONObjectUtils.getJSONObjectArray(JSONObjectUtils.parse(json), "keys"));
        }
        return jwks;
    }

    /** The published key with this kid whose purpose is "response" (the gateway's other keys sign other things). */
    private ECKey responseKey(String kid, boolean refresh) throws Exception {
        for (Map<String, Object> k : keys(refresh)) {
            if (kid.equals(k.get("kid")) && "response".equals(k.get("purpose"))) {
                return ECKey.parse(k);
            }
        }
        return null;
    }

    /** Checks Huibao-Signature (detached JWS over the exact body bytes); returns the kid or throws. */
    public String verify(byte[] body, String signature) throws Exception {
        String[] parts = signature.split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty()) {
            throw new SecurityException("the payload must be detached");
        }
        JWSObject jws = new JWSObject(Base64URL.from(parts[0]), new Payload(body), Base64URL.from(parts[2]));
        JWSHeader header = jws.getHeader();
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())
                || !new JOSEObjectType("huibao-response").equals(header.getType())) {
            throw new SecurityException("not an answer signature");
        }
        ECKey jwk = responseKey(header.getKeyID(), false);
        if (jwk == null) {
            jwk = responseKey(header.getKeyID(), true);
        }
        if (jwk == null) {
            throw new SecurityException("no response key " + header.getKeyID());
        }
        if (!jws.verify(new ECDSAVerifier(jwk))) {
            throw new SecurityException("signature does not verify");
        }
        return header.getKeyID();
    }

    /** Sends one signed request; the answer with the kid its verified signature was made with. */
    public Answer call(String method, String pathAndQuery, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + pathAndQuery))
                .header("Authorization", "Bearer " + token(method, pathAndQuery, body))
                .header("Accept", "application/json")
                .method(
                        method.toUpperCase(Locale.ROOT),
                        body.length > 0
                                ? HttpRequest.BodyPublishers.ofByteArray(body)
                                : HttpRequest.BodyPublishers.noBody());
        if (body.length > 0) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        String signature = r.headers() // refusals are signed too, once the token verified
                .firstValue("Huibao-Signature")
                .orElseThrow(() -> new SecurityException("HTTP " + r.statusCode() + " without Huibao-Signature"));
        return new Answer(r.statusCode(), r.body(), verify(r.body(), signature));
    }

    public static void main(String[] args) throws Exception {
        String gateway = "http://localhost:8080", client = null, keyFile = null, audience = "huibao-gateway";
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--gateway" -> gateway = args[++i];
                case "--client" -> client = args[++i];
                case "--key" -> keyFile = args[++i];
                case "--audience" -> audience = args[++i];
                default -> rest.add(args[i]);
            }
        }
        if (client == null || keyFile == null || rest.size() < 2) {
            System.err.println(
                    "usage: HuibaoClient [--gateway URL] --client ID --key JWK [--audience AUD] METHOD PATH [BODY]");
            System.exit(2);
        }
        HuibaoClient huibao = new HuibaoClient(
                gateway, client, ECKey.parse(Files.readString(Path.of(keyFile), StandardCharsets.UTF_8)), audience);
        byte[] body = rest.size() > 2 ? Files.readAllBytes(Path.of(rest.get(2))) : new byte[0];
        try {
            Answer a = huibao.call(rest.get(0), rest.get(1), body);
            System.out.write(a.body());
            System.out.println();
            System.err.println("HTTP " + a.status() + ", signature verified (kid " + a.kid() + ")");
            System.exit(a.status() >= 200 && a.status() < 300 ? 0 : 1);
        } catch (SecurityException e) {
            System.err.println("signature NOT verified: " + e.getMessage());
            System.exit(1);
        }
    }
}
