package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.Sql;
import com.huibao.gateway.support.TestGateway;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The settlement slip of the worked inpatient example: the PDF's text carries the amounts, and the QR code holds a
 * signed slip that verifies against {@code /.well-known/jwks.json} and repeats them.
 */
class SettlementSlipTest {
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = TestGateway.start(Map.of());
        assertThat(gw.signed("demo-hospital", "PUT", "/v1/direct-settlements/S-SLIP", Settlements.inpatient("S-SLIP"))
                        .statusCode())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @Test
    void a_slip_is_read_without_waiting_for_a_reversal_or_refund_in_progress() throws Exception {
        // another transaction holds the settlement and its claims as a reversal or refund does
        try (Connection c = Sql.connect(gw.gateway().database());
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeQuery("SELECT 1 FROM direct_settlements WHERE setl_id = 'S-SLIP' FOR UPDATE");
            s.executeQuery("SELECT 1 FROM claims WHERE setl_id = 'S-SLIP' FOR UPDATE");
            // a locking read would wait for that transaction: the answer must come while it is still open
            HttpResponse<byte[]> r = CompletableFuture.supplyAsync(
                            () -> gw.signedGetBytes("demo-hospital", "/v1/direct-settlements/S-SLIP/slip", "text/html"))
                    .get(10, TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(200);
            c.rollback();
        }
    }

    @Test
    void the_pdf_slip_shows_the_amounts_in_chinese() throws Exception {
        HttpResponse<byte[]> r =
                gw.signedGetBytes("demo-hospital", "/v1/direct-settlements/S-SLIP/slip", "application/pdf");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(r.headers().firstValue("Huibao-Signature")).isPresent();
        Files.write(Path.of("target", "slip-S-SLIP.pdf"), r.body());
        try (PDDocument pdf = Loader.loadPDF(r.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains("直赔结算单")
                    .contains("示例医院")
                    .contains("张*")
                    .contains("310***********0011")
                    .doesNotContain("310101198001010011")
                    .contains("26800.00")
                    .contains("17765.00")
                    .contains("9035.00")
                    .contains("3208.26")
                    .contains("4344.07")
                    .contains("7552.33")
                    .contains("482.67")
                    .contains("患者应付现金");
        }
    }

    @Test
    void the_qr_code_holds_a_signed_slip_that_verifies_against_the_published_keys() throws Exception {
        HttpResponse<String> html = gw.send(gw.request("GET", "/v1/direct-settlements/S-SLIP/slip", null)
                .header(
                        "Authorization",
                        "Bearer "
                                + TestGateway.demoSigner("demo-hospital")
                                        .sign("GET", "/v1/direct-settlements/S-SLIP/slip", null))
                .header("Accept", "text/html")
                .build());
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("lang=\"zh-CN\"");
        Matcher png = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(html.body());
        assertThat(png.find()).isTrue();
        BufferedImage img =
                ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png.group(1))));
        int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        String content = new QRCodeReader()
                .decode(new BinaryBitmap(
                        new HybridBinarizer(new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels))))
                .getText();

        JWKSet keys = JWKSet.parse(gw.get("/.well-known/jwks.json").body());
        JWSObject jws = JWSObject.parse(content);
        assertThat(jws.getHeader().getType().getType()).isEqualTo("settlement-slip+jwt");
        ECKey key = (ECKey) keys.getKeyByKeyId(jws.getHeader().getKeyID());
        assertThat(key.getKeyUse().identifier()).isEqualTo("sig");
        assertThat(Json.parse(gw.get("/.well-known/jwks.json").body()).toString())
                .contains(jws.getHeader().getKeyID());
        assertThat(jws.verify(new ECDSAVerifier(key))).isTrue();
        var claims = Json.parse(jws.getPayload().toString());
        assertThat(claims.get("setl_id").asText()).isEqualTo("S-SLIP");
        assertThat(claims.get("payout_total").asText()).isEqualTo("7552.33");
        assertThat(claims.get("patient_cash_due").asText()).isEqualTo("482.67");
        assertThat(html.body()).contains(claims.get("confirmation_sm3").asText());
        assertThat(gw.signed("demo-pharmacy", "GET", "/v1/direct-settlements/S-SLIP/slip", null)
                        .statusCode())
                .as("another institution's slip")
                .isEqualTo(404);
    }
}
