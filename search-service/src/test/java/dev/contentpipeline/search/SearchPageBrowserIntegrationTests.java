package dev.contentpipeline.search;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The search page in a real headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs):
 * typing shows highlighted results, a facet narrows them. Screenshots go to target/screenshots/. A machine without
 * Chromium fails the test and says what to install: a skipped browser test would prove nothing. Selenium Manager is
 * never asked to download anything.
 */
class SearchPageBrowserIntegrationTests extends AgainstElasticsearch {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path profile;

    WebDriver browser;

    @BeforeEach
    void browser() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("this test drives a real Chromium, and %s or %s is missing: apt-get install chromium"
                        + " chromium-driver (.ci/run does), or set CHROMIUM_BINARY and CHROMEDRIVER",
                        CHROMIUM, CHROMEDRIVER)
                .isTrue();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1200,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void typingShowsHighlightedResultsAndAFacetNarrowsThem() throws IOException {
        browser.get("http://localhost:" + port + "/");
        browser.findElement(By.id("q")).sendKeys("lantern");

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            assertThat(results()).hasSize(10);
            assertThat(browser.findElements(By.cssSelector("#results li .title mark"))).isNotEmpty();
            assertThat(browser.findElement(By.cssSelector("#results li .snippet mark")).getText())
                    .isEqualToIgnoringCase("lanterns");
        });
        assertThat(status()).startsWith("25+ results");
        assertThat(browser.findElements(By.cssSelector("#suggestions li"))).isNotEmpty();
        screenshot("search-page-suggestions.png");

        browser.findElement(By.id("q")).sendKeys(Keys.ESCAPE);
        assertThat(browser.findElement(By.id("suggestions")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("q")).getDomProperty("value")).isEqualTo("lantern");
        screenshot("search-page-results.png");
        browser.findElement(By.cssSelector("input[data-facet=tag][value=river]")).click();

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            assertThat(status()).startsWith("10 results");
            assertThat(results()).hasSize(10).allSatisfy(li -> assertThat(li.getText()).contains("river"));
        });
        assertThat(browser.findElement(By.cssSelector("input[data-facet=tag][value=river]")).isSelected()).isTrue();
        assertThat(browser.getCurrentUrl()).contains("tag=river");
        screenshot("search-page-filtered.png");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get("http://localhost:" + port + "/?q=" + encode("white russia"));
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            assertThat(browser.findElement(By.cssSelector(".card h2")).getText()).startsWith("Belarus");
            assertThat(results()).isNotEmpty();
        });
        screenshot("search-page-phone.png");
    }

    private List<WebElement> results() {
        return browser.findElements(By.cssSelector("#results li"));
    }

    private String status() {
        return browser.findElement(By.id("status")).getText();
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOTS);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
