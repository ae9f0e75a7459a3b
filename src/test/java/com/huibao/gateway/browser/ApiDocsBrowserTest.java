package com.huibao.gateway.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.support.TestGateway;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code /docs/} renders the contract in headless Chromium, from the jar alone (no CDN). */
class ApiDocsBrowserTest {
    @Test
    void the_contract_renders_as_api_documentation() throws Exception {
        PatientPageBrowserTest.assumeChromium();
        try (TestGateway gw = TestGateway.start(Map.of())) {
            assertThat(gw.get("/docs/openapi.yaml").body()).startsWith("openapi: 3.1");
            assertThat(gw.get("/docs/").statusCode()).isEqualTo(200);
            assertThat(gw.get("/docs/docs.js").statusCode()).isEqualTo(200);
            assertThat(gw.get("/docs/ui/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
            WebDriver browser = PatientPageBrowserTest.chromium();
            try {
                browser.manage().window().setSize(new Dimension(1280, 900));
                browser.get("http://127.0.0.1:" + gw.port() + "/docs/");
                try {
                    new WebDriverWait(browser, Duration.ofSeconds(30))
                            .until(d ->
                                    d.findElements(By.cssSelector(".opblock")).size() > 30);
                } finally {
                    PatientPageBrowserTest.screenshot(browser, "api-docs.png");
                }
                assertThat(browser.findElement(By.cssSelector(".info .title")).getText())
                        .contains("Huibao");
                assertThat(browser.getPageSource())
                        .contains("/v1/direct-settlements/preview")
                        .contains("/v1/eligibility")
                        .doesNotContain("unpkg.com")
                        .doesNotContain("cdn.jsdelivr");
                PatientPageBrowserTest.screenshot(browser, "api-docs.png");
            } finally {
                browser.quit();
            }
        }
    }
}
