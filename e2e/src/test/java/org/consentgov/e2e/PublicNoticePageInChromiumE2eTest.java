package org.consentgov.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.consentgov.e2e.support.Chromium;
import org.consentgov.e2e.support.LocalSuite;
import org.consentgov.e2e.support.Notices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public notice page as a family sees it: headless Chromium opens it through the gateway, switches its
 * language with the page's own language links and opens the child-friendly summary. Screenshots go to
 * {@code target/screenshots/}.
 */
@E2eTest
@Order(4)
class PublicNoticePageInChromiumE2eTest {

    private static final Path TARGET =
            Path.of(System.getProperty("e2e.target", "target")).toAbsolutePath();
    private static final Path SCREENSHOTS = TARGET.resolve("screenshots");
    private static Path profile;
    private static WebDriver browser;

    @BeforeAll
    static void startChromium() throws IOException {
        Optional<String> unavailable = Chromium.ensureInstalled(TARGET);
        assumeTrue(unavailable.isEmpty(), () -> "headless Chromium is not available: " + unavailable.orElseThrow());
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory("e2e-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Chromium.BINARY.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1600",
                "--lang=en-GB",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Chromium.DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(TARGET.resolve("chromedriver.log").toFile())
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void theEducationNoticeOpensInEnglishThroughTheGateway() {
        String title = Notices.current(E2eTestData.EDUCATION_NOTICE).getString("title");

        browser.get(LocalSuite.GATEWAY + "/public/notices/" + E2eTestData.EDUCATION_NOTICE);

        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("en");
        assertThat(browser.findElement(By.cssSelector("main h1")).getText()).isEqualTo(title);
        // the page's title is the notice's, then the council's name
        assertThat(browser.getTitle()).startsWith(title + " – ");
        // one language only: the switch names English as the current one and links to no other
        assertThat(browser.findElement(By.cssSelector("nav[aria-label=Language] [aria-current=true]"))
                        .getText())
                .isEqualTo("English");
        assertThat(browser.findElements(By.cssSelector("nav[aria-label=Language] a")))
                .isEmpty();
        screenshot("children-families-education-en");
    }

    @Test
    void aVisitorSwitchesABilingualNoticeToWelshAndOpensItsChildFriendlySummary() {
        String slug = E2eTestData.uniqueSlug("e2e-bilingual");
        String english = "Bilingual test notice " + slug;
        String welsh = "Hysbysiad prawf dwyieithog " + slug;
        Notices.draftAndPublish(slug, E2eTestData.bilingualNoticeContent(english, welsh));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        browser.get(LocalSuite.GATEWAY + "/public/notices/" + slug);
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("en");
        assertThat(browser.findElement(By.cssSelector("main h1")).getText()).isEqualTo(english);
        screenshot("bilingual-en");

        browser.findElement(By.cssSelector("nav[aria-label=Language]"))
                .findElement(By.linkText("Cymraeg"))
                .click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "cy"));
        assertThat(browser.getCurrentUrl()).contains("lang=cy");
        assertThat(browser.findElement(By.cssSelector("main h1")).getText()).isEqualTo(welsh);
        assertThat(browser.findElement(By.cssSelector("nav[aria-label=Language] [aria-current=true]"))
                        .getText())
                .isEqualTo("Cymraeg");
        screenshot("bilingual-cy");

        browser.findElement(By.cssSelector("nav.notice-views a[href*='view=child']"))
                .click();
        wait.until(ExpectedConditions.urlContains("view=child"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("cy");
        assertThat(browser.findElements(By.cssSelector("main section h2")))
                .extracting(e -> e.getText())
                .contains(E2eTestData.WELSH_CHILD_HEADING);
        screenshot("bilingual-cy-child");
    }

    private static void screenshot(String name) {
        Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        try {
            Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
