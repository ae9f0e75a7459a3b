package com.huibao.gateway.adapter.cli;

import com.huibao.gateway.crypto.Sm2;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code keygen}: the keys a gateway outside demo mode needs, or a client's key pair with its registration.
 *
 * <pre>
 * keygen --out DIR                       the gateway's: ES256 keys for responses, webhooks and receipts, an SM2 key,
 *                                        the SM4 key (with its id) and the SM3-HMAC key, and gateway.env naming them
 * keygen --out DIR --client ID --role HOSPITAL|PHARMACY|INSURER|DATA_FEED --tenant CODE [--alg ES256|SM2]
 *                                        a client's private JWK and its registration for config/clients/
 * </pre>
 *
 * Private files are written with mode 0600 (where the file system has modes); nothing is ever overwritten.
 */
public final class KeygenCommand {
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeygenCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                return usage(err, "unexpected " + args[i]);
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0 || !opts.containsKey("out")) {
            return usage(err, "--out DIR is required");
        }
        Path dir = Path.of(opts.get("out"));
        try {
            Files.createDirectories(dir);
            List<Path> written = opts.containsKey("client") ? client(dir, opts) : gateway(dir);
            written.forEach(p -> out.println("wrote " + p));
            return 0;
        } catch (FileAlreadyExistsException e) {
            err.println("keygen: " + e.getFile() + " exists; keygen never overwrites a key");
            return 1;
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        } catch (IOException | JOSEException e) {
            err.println("keygen: " + e.getMessage());
            return 1;
        }
    }

    private static List<Path> gateway(Path dir) throws IOException, JOSEException {
        String year = String.valueOf(LocalDate.now().getYear());
        List<Path> out = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        for (String purpose : List.of("response", "webhook", "receipt")) {
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyID("huibao-" + purpose + "-" + year + "-" + hex(4))
                    .keyUse(KeyUse.SIGNATURE)
                    .generate();
            Path file = dir.resolve("gateway-" + purpose + ".private.jwk");
            out.add(writePrivate(file, key.toJSONString()));
            env.put(
                    "response".equals(purpose)
                            ? "GATEWAY_SIGNING_KEY_FILE"
                            : "GATEWAY_SIGNING_" + purpose.toUpperCase() + "_KEY_FILE",
                    file.toAbsolutePath().toString());
        }
        Sm2.KeyPair sm2 = Sm2.generate();
        Path sm2File = dir.resolve("gateway-sm2.private.jwk");
        String sm2Public = Sm2.publicJwk(sm2.publicKey(), "huibao-sm2-" + year + "-" + hex(4));
        out.add(writePrivate(
                sm2File,
                sm2Public.substring(0, sm2Public.length() - 1) + ",\"use\":\"sig\",\"d\":\""
                        + b64(unsigned(sm2.privateKey().getD())) + "\"}"));
        env.put("GATEWAY_SIGNING_SM2_KEY_FILE", sm2File.toAbsolutePath().toString());
        env.put("GATEWAY_PII_KEY_ID", "pii-" + year + "-" + hex(4));
        env.put("GATEWAY_PII_KEY_HEX", hex(16));
        env.put("GATEWAY_PII_HMAC_KEY_HEX", hex(32));
        StringBuilder text = new StringBuilder(
                "# The gateway's keys (keygen). SECRET: keep this file and the .jwk files beside it out of version control.\n"
                        + "# Load it into the environment before starting the gateway, e.g. set -a; . ./gateway.env; set +a\n");
        env.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        text.append("GATEWAY_DEMO=false\n");
        out.add(writePrivate(dir.resolve("gateway.env"), text.toString()));
        return out;
    }

    private static List<Path> client(Path dir, Map<String, String> opts) throws IOException, JOSEException {
        String id = opts.get("client");
        String role = opts.getOrDefault("role", "");
        String tenant = opts.get("tenant");
        if (!List.of("HOSPITAL", "PHARMACY", "INSURER", "DATA_FEED").contains(role)) {
            throw new IllegalArgumentException("--role must be HOSPITAL, PHARMACY, INSURER or DATA_FEED");
        }
        if (tenant == null || !id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("--client (letters, digits, . _ -) and --tenant are required");
        }
        String alg = opts.getOrDefault("alg", "ES256");
        String kid = id + "-" + LocalDate.now().getYear() + "-" + hex(4);
        String privateJwk;
        String publicJwk;
        if ("SM2".equals(alg)) {
            Sm2.KeyPair k = Sm2.generate();
            publicJwk = Sm2.publicJwk(k.publicKey(), kid);
            privateJwk = publicJwk.substring(0, publicJwk.length() - 1) + ",\"d\":\""
                    + b64(unsigned(k.privateKey().getD())) + "\"}";
        } else if ("ES256".equals(alg)) {
            ECKey k = new ECKeyGenerator(Curve.P_256)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .generate();
            privateJwk = k.toJSONString();
            publicJwk = k.toPublicJWK().toJSONString();
        } else {
            throw new IllegalArgumentException("--alg must be ES256 or SM2");
        }
        Path key = writePrivate(dir.resolve(id + ".private.jwk"), privateJwk);
        String registration = "{\n  \"client_id\": \"" + id + "\",\n  \"role\": \"" + role + "\",\n  \"tenant\": \""
                + tenant + "\",\n  \"jwks\": {\"keys\": [" + publicJwk + "]}\n}\n";
        Path reg = dir.resolve(id + ".json");
        Files.writeString(reg, registration, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        return List.of(key, reg);
    }

    /** Creates the file (never over an existing one) readable by its owner only, then writes it. */
    private static Path writePrivate(Path file, String content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // no POSIX modes here (Windows): the directory's ACL applies
        }
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        return file;
    }

    private static byte[] unsigned(BigInteger d) {
        byte[] b = d.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, b.length);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static int usage(PrintStream err, String why) {
        err.println("keygen: " + why);
        err.println("usage: keygen --out DIR    (the gateway's keys and gateway.env)");
        err.println("       keygen --out DIR --client ID --role HOSPITAL|PHARMACY|INSURER|DATA_FEED --tenant CODE"
                + " [--alg ES256|SM2]");
        return 2;
    }
}
