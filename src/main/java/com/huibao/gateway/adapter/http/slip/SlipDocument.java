package com.huibao.gateway.adapter.http.slip;

import com.huibao.gateway.app.settlement.GetSlipUseCase;
import com.huibao.gateway.crypto.PiiProtector;
import com.huibao.gateway.crypto.SlipSigner;
import com.huibao.gateway.crypto.Sm3;
import com.huibao.gateway.domain.claim.ClaimState;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.settlement.SetlInfo;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settlement slip (直赔结算单) a hospital hands the patient: hospital, patient (masked), the bill, what basic
 * insurance paid, each policy's payout, what the insurers pay the hospital and the patient's cash due; a QR code of
 * the signed slip ({@link SlipSigner}: verifiable offline with {@code /.well-known/jwks.json}) and the SM3 digest of
 * the confirmation as stored. Print-ready HTML (A5, or 80 mm thermal paper by {@code @media}) and the same as PDF
 * (openhtmltopdf with the embedded CJK font).
 */
public final class SlipDocument {
    private static final String FONT = "fonts/slip-cjk.ttf";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String html;
    private final String signed;

    private SlipDocument(String html, String signed) {
        this.html = html;
        this.signed = signed;
    }

    public static SlipDocument of(GetSlipUseCase.Slip slip, SlipSigner signer) {
        SetlInfo h = slip.settlement();
        String digest = Sm3.hex(slip.record().confirmResponse().getBytes(StandardCharsets.UTF_8));
        Money insurersPay = Money.ZERO;
        Money payout = Money.ZERO;
        List<Map<String, Object>> policies = new ArrayList<>();
        for (GetSlipUseCase.Line l : slip.claims()) {
            if (l.claim().state() == ClaimState.REVERSED) {
                continue;
            }
            insurersPay = insurersPay.plus(l.claim().paysHospital());
            payout = payout.plus(l.claim().payout());
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("policy_no", l.claim().policyNo());
            p.put("insurer_id", l.claim().insurerId());
            p.put("payout", l.claim().payout().toString());
            p.put("pays_hospital", l.claim().paysHospital().toString());
            policies.add(p);
        }
        Money cash = h.psnCashPay().minus(insurersPay);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("setl_id", h.setlId());
        claims.put("fixmedins_code", slip.record().fixmedinsCode());
        claims.put("state", slip.record().state());
        claims.put("confirmed_at", slip.record().confirmedAt().toString());
        claims.put("medfee_sumamt", h.medfeeSumamt().toString());
        claims.put("psn_part_amt", h.psnPartAmt().toString());
        claims.put("payout_total", payout.toString());
        claims.put("insurer_pays_hospital", insurersPay.toString());
        claims.put("patient_cash_due", cash.toString());
        claims.put("policies", policies);
        claims.put("confirmation_sm3", digest);
        String signed = signer.sign(claims);

        StringBuilder rows = new StringBuilder();
        for (GetSlipUseCase.Line l : slip.claims()) {
            if (l.claim().state() == ClaimState.REVERSED) {
                continue;
            }
            rows.append(row(
                    esc(l.insurerName()) + "<br/><small>保单 " + esc(l.claim().policyNo()) + "</small>",
                    l.claim().payout(),
                    "payout"));
        }
        String confirmedAt =
                slip.record().confirmedAt().atZone(ZoneId.of("Asia/Shanghai")).format(WHEN);
        String page = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"/>"
                + "<title>直赔结算单 " + esc(h.setlId()) + "</title><style>" + CSS + "</style></head><body>"
                + "<h1>商业健康保险直赔结算单</h1>"
                + "<p class=\"who\">" + esc(slip.institutionName()) + "</p>"
                + "<table>"
                + plain("患者", esc(maskName(h.psnName())) + "（" + esc(PiiProtector.mask(h.certno())) + "）")
                + plain("结算号", esc(h.setlId()))
                + plain("结算时间", esc(h.setlTime().toString().replace('T', ' ')))
                + plain(
                        "直赔确认",
                        esc(confirmedAt) + ("REVERSED".equals(slip.record().state()) ? "（已冲正）" : ""))
                + row("医疗费用总额", h.medfeeSumamt(), "bill")
                + row("基本医保支付", h.fundPaySumamt(), "fund")
                + row("个人负担（医保结算后）", h.psnPartAmt(), "share")
                + rows
                + row("商业保险合计赔付", payout, "payout-total")
                + row("其中保险公司直付医院", insurersPay, "insurers")
                + (h.acctPay().isZero() ? "" : row("个人账户支付", h.acctPay(), "account"))
                + row("患者应付现金", cash, "cash")
                + "</table>"
                + "<div class=\"qr\"><img alt=\"签名结算凭证二维码\" src=\"" + QrCodes.pngDataUri(signed, 300)
                + "\"/><p>扫码可用 /.well-known/jwks.json 离线验证本结算单</p></div>"
                + "<p class=\"digest\">确认报文 SM3：" + digest + "</p>"
                + "<pre id=\"signed\" class=\"signed\">" + signed + "</pre>"
                + "</body></html>";
        return new SlipDocument(page, signed);
    }

    public String html() {
        return html;
    }

    /** The compact JWS the QR code carries. */
    public String signed() {
        return signed;
    }

    public byte[] pdf() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.useFont(
                    () -> {
                        InputStream in = SlipDocument.class.getClassLoader().getResourceAsStream(FONT);
                        if (in == null) {
                            throw new IllegalStateException(FONT + " is missing from the class path");
                        }
                        return in;
                    },
                    "SlipCJK");
            b.withHtmlContent(
                    html.replace("<!DOCTYPE html>\n", "")
                            .replace("<pre id=\"signed\" class=\"signed\">" + signed + "</pre>", ""),
                    null);
            b.toStream(out);
            b.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String CSS = "@page { size: A5; margin: 12mm; }"
            + "body { font-family: 'SlipCJK', sans-serif; font-size: 11pt; color: #000; }"
            + "h1 { font-size: 14pt; text-align: center; margin: 0 0 4mm; }"
            + ".who { text-align: center; margin: 0 0 4mm; }"
            + "table { width: 100%; border-collapse: collapse; }"
            + "td { padding: 1.2mm 0; border-bottom: 0.2mm solid #999; vertical-align: top; }"
            + "td.amount { text-align: right; white-space: nowrap; }"
            + "tr.cash td { font-weight: bold; font-size: 13pt; border-bottom: 0.5mm solid #000; }"
            + ".qr { text-align: center; margin-top: 4mm; } .qr img { width: 40mm; height: 40mm; }"
            + ".qr p, .digest { font-size: 8pt; word-break: break-all; }"
            + ".signed { display: none; }"
            + "@media print and (max-width: 90mm) { @page { size: 80mm auto; margin: 3mm; } body { font-size: 9pt; } }";

    private static String row(String label, Money amount, String cls) {
        return "<tr class=\"" + cls + "\"><td>" + label + "</td><td class=\"amount\" data-amount=\"" + amount + "\">¥"
                + amount + "</td></tr>";
    }

    private static String plain(String label, String value) {
        return "<tr><td>" + label + "</td><td class=\"amount\">" + value + "</td></tr>";
    }

    /** 张三 → 张*, 欧阳娜娜 → 欧***: the surname and the length. */
    static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        return name.charAt(0) + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
