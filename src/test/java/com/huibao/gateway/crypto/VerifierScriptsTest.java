package com.huibao.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.huibao.gateway.support.Command;
import com.nimbusds.jose.jwk.ECKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verification recipes the README shows (docs/verify) run against real signatures of the gateway's signers: the
 * Python one (cryptography) on an answer, the OpenSSL one on an SM2SM3 delivery. Each accepts the genuine article
 * and refuses it altered. Skipped where the tool is missing (.ci/run installs them).
 */
class VerifierScriptsTest {
    private static final Path KEYS = Path.of("config/demo/keys");
    private static final Optional<String> PYTHON = Command.pythonWithCryptography();

    @TempDir
    Path dir;

    @Test
    void the_python_recipe_verifies_an_answer_and_refuses_an_altered_one() throws Exception {
        assumeTrue(PYTHON.isPresent(), "no python3 with the cryptography package (.ci/run installs it)");
        ECKey responseKey = ECKey.parse(Files.readString(KEYS.resolve("gateway.private.jwk")));
        ResponseSigner signer = new ResponseSigner(responseKey);
        GatewayJwks jwks = new GatewayJwks(
                List.of(
                        new GatewayJwks.Published(responseKey, "response", false),
                        new GatewayJwks.Published(
                                ECKey.parse(Files.readString(KEYS.resolve("gateway-webhook.private.jwk"))),
                                "webhook",
                                false)),
                null);
        byte[] body =
                "{\"setl_id\":\"S-1\",\"payout_total\":\"7552.33\",\"note\":\"惠民保\"}".getBytes(StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("jwks.json"), jwks.jwks());
        Files.write(dir.resolve("body.json"), body);
        String signature = signer.sign(body);
        assertThat(python(signature)).isZero();
        Files.write(
                dir.resolve("body.json"),
                "{\"setl_id\":\"S-1\",\"payout_total\":\"7552.34\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(python(signature)).as("another body").isEqualTo(1);
    }

    @Test
    void the_openssl_recipe_verifies_an_sm2_delivery_and_refuses_a_replay_under_a_fresh_timestamp() throws Exception {
        assumeTrue(
                Command.works(
                        "sh",
                        "-c",
                        "openssl version | grep -q '^OpenSSL 3' && command -v basenc && command -v xxd && command -v "
                                + "python3"),
                "openssl 3, basenc, xxd or python3 missing");
        Sm2.PrivateJwk sm2 = Sm2.PrivateJwk.parse(Files.readString(KEYS.resolve("gateway-sm2.private.jwk")));
        WebhookSigner signer =
                new WebhookSigner(ECKey.parse(Files.readString(KEYS.resolve("gateway-webhook.private.jwk"))), sm2);
        Files.writeString(dir.resolve("sm2-jwks.json"), new GatewayJwks(List.of(), sm2).sm2Jwks());
        byte[] body = "{\"id\":\"e-1\",\"type\":\"claim.created\",\"data\":{\"payout\":\"12.30\"}}"
                .getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("body.json"), body);
        String signature = signer.sign("e-1", 1_796_000_000L, body, Sm2.JWS_ALG);
        assertThat(openssl("e-1", "1796000000", signature)).isZero();
        assertThat(openssl("e-1", "1796000060", signature))
                .as("the same delivery, a fresh timestamp")
                .isNotZero();
        assertThat(openssl("e-2", "1796000000", signature))
                .as("under another event id")
                .isNotZero();
    }

    private int python(String signature) throws Exception {
        return run(List.of(
                PYTHON.orElseThrow(),
                "docs/verify/verify_response.py",
                dir.resolve("jwks.json").toString(),
                dir.resolve("body.json").toString(),
                signature));
    }

    private int openssl(String id, String timestamp, String signature) throws Exception {
        return run(List.of(
                "bash",
                "docs/verify/verify-sm2-webhook.sh",
                dir.resolve("sm2-jwks.json").toString(),
                id,
                timestamp,
                dir.resolve("body.json").toString(),
                signature));
    }

    private static int run(List<String> command) {
        return Command.run(command).exit();
    }
}
