package com.huibao.gateway.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.codec.Json;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.TestGateway;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Debian chromium and chromium-driver are needed (.ci/run installs them)");
        try (TestGateway gw = TestGateway.start(Map.of())) {
            assertThat(gw.signed("demo-datafeed", "POST", "/v1/settlements", Settlements.inpatient("S-H5"))
                            .statusCode())
                    .isEqualTo(201);
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
            WebDriver browser = new ChromeDriver(service, options);
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
                Object widest = ((JavascriptExecutor) browser)
                        .executeScript("let w = null; for (const e of "
                                + "document.querySelectorAll('body *')) { const r = e.getBoundingClientRect(); if (r.right > "
                                + "window.innerWidth + 1 && (!w || r.right > w.r)) w = {t: e.tagName + '#' + e.id + '.' + e.className, "
                                + "r: r.right}; } return w ? w.t + ' ' + w.r + ' > ' + window.innerWidth : null;");
                assertThat(widest).as("no element wider than the 375-px screen").isNull();

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
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("claims"), "INS-PMI"));
                assertThat(browser.findElement(By.id("claims")).getText())
                        .contains("快赔")
                        .contains("还需自付");
                screenshot(browser, "h5-granted-with-claim.png");

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
                        .contains("INS-PMI")
                        .contains("demo-insurer-pmi");
                screenshot(browser, "h5-revoked-access-log.png");
            } finally {
                browser.quit();
            }
        }
    }

    private static void screenshot(WebDriver browser, String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
    }
}
