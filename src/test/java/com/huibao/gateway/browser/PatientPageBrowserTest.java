package com.huibao.gateway.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.TestGateway;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The H5 page in headless Chromium (Debian's chromium + chromium-driver, installed by .ci/run) on a 375-px-wide
 * screen: sign in, grant, see a claim an insurer made, revoke, see who read the data. Screenshots go to target/.
 */
class PatientPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void grant_see_a_claim_revoke_and_see_the_access_log() throws Exception {
        assumeChromium();
        try (TestGateway gw = TestGateway.start(Map.of())) {
            assertThat(gw.signed("demo-datafeed", "POST", "/v1/settlements", Settlements.inpatient("S-H5"))
                            .statusCode())
                    .isEqualTo(201);
            WebDriver browser = chromium();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                browser.get("http://127.0.0.1:" + gw.port() + "/app/");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("demo-login")))
                        .click();
                wait.until(d -> d.findElements(By.cssSelector("#policies li")).size() == 2);
                assertThat(browser.findElement(By.id("policies")).getText())
                        .contains("HMB26-000001")
                        .contains("310***********0011")
                        .doesNotContain("310101198001010011");
                // names, not ids; what is left of the year on each card
                assertThat(browser.findElement(By.cssSelector("li[data-policy='HMB26-000001']"))
                                .getText())
                        .contains("城市普惠医疗保险 2026（示例） · 示例财产保险（沪惠保共保体）")
                        // the data feed's settlement was claimed proactively: shared/examples/accumulators-after-1.json
                        .contains("免赔额剩余 ¥17548.24（共 ¥20000.00，已用 ¥2451.76）")
                        .contains("特定高额药品：剩余额度 ¥996994.61（年度上限 ¥1000000.00）")
                        .doesNotContain("INS-HMB");
                screenshot(browser, "h5-policy-cards.png");
                Object widest = ((JavascriptExecutor) browser)
                        .executeScript("let w = null; for (const e of "
                                + "document.querySelectorAll('body *')) { const r = e.getBoundingClientRect(); if (r.right > "
                                + "window.innerWidth + 1 && (!w || r.right > w.r)) w = {t: e.tagName + '#' + e.id + '.' + e.className, "
                                + "r: r.right}; } return w ? w.t + ' ' + w.r + ' > ' + window.innerWidth : null;");
                assertThat(widest).as("no element wider than the 375-px screen").isNull();
                Object untranslated = ((JavascriptExecutor) browser)
                        .executeScript(
                                "return [...document.querySelectorAll('[data-t]')]"
                                        + ".filter(e => !e.textContent.trim() || e.textContent === e.dataset.t).map(e => e.dataset.t);");
                assertThat((List<?>) untranslated)
                        .as("every word of the page comes from zh-CN.json")
                        .isEmpty();
                assertThat(browser.getTitle()).isEqualTo("惠保 · 我的保障");

                // Grant INS-PMI a quick-claim authorization on the page.
                new Select(browser.findElement(By.id("grant-insurer"))).selectByValue("INS-PMI");
                browser.findElement(By.cssSelector("input[name=purpose][value=QUICK_CLAIM]"))
                        .click();
                browser.findElement(By.id("grant-submit")).click();
                wait.until(ExpectedConditions.textToBe(By.id("grant-result"), "已授权"));

                // The insurer makes a quick claim: the patient sees it with payout and residual.
                assertThat(gw.signed(
                                        "demo-insurer-pmi",
                                        "POST",
                                        "/v1/quick-claims",
                                        "{\"setl_id\":\"S-H5\",\"policy_no\":\"PMI-778899\"}"
                                                .getBytes(StandardCharsets.UTF_8))
                                .statusCode())
                        .isEqualTo(201);
                browser.findElement(By.id("refresh")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("claims"), "示例人寿保险"));
                assertThat(browser.findElement(By.id("claims")).getText())
                        .contains("快赔")
                        .contains("示例医院 2026-03-15 10:20 的结算")
                        .contains("还需自付");
                screenshot(browser, "h5-granted-with-claim.png");

                // the claim explained: the amounts on screen add up to what is left to pay, and so do the reasons
                browser.findElement(By.cssSelector("#claims li[data-claim] button.detail"))
                        .click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#claim-detail .residual")));
                Money share = amount(browser, "#claim-detail .share .amount").get(0);
                Money paid = amount(browser, "#claim-detail .payout .amount").stream()
                        .reduce(Money.ZERO, Money::plus);
                Money residual =
                        amount(browser, "#claim-detail .residual .amount").get(0);
                Money reasons = amount(browser, "#claim-detail .reason .amount").stream()
                        .reduce(Money.ZERO, Money::plus);
                assertThat(share.minus(paid)).isEqualTo(residual);
                assertThat(reasons).isEqualTo(residual);
                assertThat(browser.findElement(By.id("claim-detail")).getText())
                        .contains("医疗费用总额")
                        .contains("基本医保支付")
                        .contains("免赔额");
                screenshot(browser, "h5-claim-explained.png");

                // Revoke every INS-PMI authorization on the page; the insurer's next read is refused at once.
                ((JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
                for (int i = 0; i < 5; i++) {
                    var buttons = browser.findElements(By.cssSelector("li[data-insurer='INS-PMI'] button.revoke"));
                    if (buttons.isEmpty()) {
                        break;
                    }
                    WebElement b = buttons.get(0);
                    b.click();
                    wait.until(ExpectedConditions.stalenessOf(b));
                }
                assertThat(browser.findElements(By.cssSelector("li[data-insurer='INS-PMI'] button.revoke")))
                        .isEmpty();
                String claimId = Json.parse(gw.signed("demo-insurer-pmi", "GET", "/v1/claims", null)
                                .body())
                        .at("/claims/0/claim_id")
                        .asText();
                var read = gw.signed("demo-insurer-pmi", "GET", "/v1/claims/" + claimId, null);
                assertThat(read.statusCode()).isEqualTo(403);
                assertThat(Json.parse(read.body()).get("code").asText()).isEqualTo("CONSENT_REVOKED");

                browser.findElement(By.id("refresh")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("access"), "快赔调取"));
                assertThat(browser.findElement(By.id("access")).getText())
                        .contains("快赔调取 · 示例人寿保险")
                        .contains("demo-insurer-pmi");
                screenshot(browser, "h5-revoked-access-log.png");
            } finally {
                browser.quit();
            }
        }
    }

    static void assumeChromium() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Debian chromium and chromium-driver are needed (.ci/run installs them)");
    }

    /** Headless Chromium on a 375 x 812 screen, as a phone. */
    static WebDriver chromium() throws Exception {
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=375,812",
                        "--user-data-dir=" + Files.createTempDirectory("h5-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    @Test
    void the_patient_follows_specialty_drug_applications_and_withdraws_one() throws Exception {
        assumeChromium();
        try (TestGateway gw = TestGateway.start(Map.of())) {
            String first = apply(gw, "2");
            String second = apply(gw, "1");
            WebDriver browser = chromium();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                browser.get("http://127.0.0.1:" + gw.port() + "/app/");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("demo-login")))
                        .click();
                wait.until(d -> d.findElements(By.cssSelector("#preauths li[data-state=REQUESTED]"))
                                .size()
                        == 2);
                assertThat(browser.findElement(By.id("preauths")).getText())
                        .contains("审核中")
                        .contains("医院 H31010100001");

                // The patient lets INS-HMB read the applications; the insurer approves the first one.
                new Select(browser.findElement(By.id("grant-insurer"))).selectByValue("INS-HMB");
                browser.findElement(By.cssSelector("input[name=purpose][value=PRE_AUTHORIZATION]"))
                        .click();
                browser.findElement(By.id("grant-submit")).click();
                wait.until(ExpectedConditions.textToBe(By.id("grant-result"), "已授权"));
                LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
                var approved = gw.signed(
                        "demo-insurer-hmb",
                        "POST",
                        "/v1/pre-authorizations/" + first + "/decision",
                        ("{\"decision\":\"APPROVE\",\"quantity\":2,\"valid_from\":\"" + today + "\",\"valid_to\":\""
                                        + today.plusDays(29) + "\"}")
                                .getBytes(StandardCharsets.UTF_8));
                assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
                String approvalNo =
                        Json.parse(approved.body()).get("approval_no").asText();

                // The patient withdraws the second on the page, and sees the first approved with its number.
                ((JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
                browser.findElement(By.id("refresh")).click();
                WebElement withdraw = wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#preauths li[data-id='" + second + "'] button.revoke")));
                withdraw.click();
                wait.until(d -> d.findElements(By.cssSelector("#preauths li[data-state=WITHDRAWN]"))
                                .size()
                        == 1);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preauths"), approvalNo));
                assertThat(browser.findElement(By.cssSelector("#preauths li[data-id='" + first + "']"))
                                .getText())
                        .contains("已批准")
                        .contains("批准 2，已用 0，剩余 2")
                        .contains("有效期 " + today + " 至 " + today.plusDays(29));
                assertThat(browser.findElement(By.cssSelector("#preauths li[data-id='" + second + "']"))
                                .getText())
                        .contains("已撤回");
                assertThat(Json.parse(gw.signed("demo-hospital", "GET", "/v1/pre-authorizations/" + second, null)
                                        .body())
                                .get("state")
                                .asText())
                        .isEqualTo("WITHDRAWN");
                screenshot(browser, "h5-pre-authorizations.png");
            } finally {
                browser.quit();
            }
        }
    }

    /** The demo hospital applies for 奥希替尼 for 张三 under his 沪惠保 policy; the application's id. */
    private static String apply(TestGateway gw, String quantity) {
        var r = gw.signed(
                "demo-hospital",
                "POST",
                "/v1/pre-authorizations",
                ("{\"policy_no\":\"HMB26-000001\",\"psn_cert_type\":\"01\",\"certno\":\"310101198001010011\","
                                + "\"drug\":{\"code\":\"XL01XEA147A001010181836\",\"generic_name\":\"奥希替尼\"},"
                                + "\"quantity\":" + quantity + ",\"days_supply\":30,\"diagnosis\":\"C34.1\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.parse(r.body()).get("id").asText();
    }

    /** The amounts the page shows in the elements matched, as it wrote them ({@code data-amount}). */
    private static List<Money> amount(WebDriver browser, String css) {
        return browser.findElements(By.cssSelector(css)).stream()
                .map(e -> Money.parse(e.getAttribute("data-amount")))
                .toList();
    }

    static void screenshot(WebDriver browser, String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
    }
}
