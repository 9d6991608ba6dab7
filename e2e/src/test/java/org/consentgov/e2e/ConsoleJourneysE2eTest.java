package org.consentgov.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.consentgov.e2e.support.Chromium;
import org.consentgov.e2e.support.LocalSuite;
import org.consentgov.e2e.support.NodeTools;
import org.consentgov.e2e.support.SuiteClock;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The governance console's journeys (console/e2e/*.spec.ts): Playwright drives Debian's headless Chromium through the
 * gateway's {@code /console/}, signing in on Keycloak's own login page, one journey per role, with axe-core on every
 * page and screenshots at 1280 and 375 px ({@code console/target/playwright/screenshots/}). Skipped, with the
 * reason, when the console was not built (no Node.js at build time) or Chromium is not available.
 */
@E2eTest
@Order(8)
class ConsoleJourneysE2eTest {

    private static final Path TARGET =
            Path.of(System.getProperty("e2e.target", "target")).toAbsolutePath();
    private static final Path CONSOLE = Path.of(System.getProperty("e2e.repository-root", ".."))
            .resolve("console")
            .toAbsolutePath()
            .normalize();
    private static final Duration JOURNEYS_TIMEOUT = Duration.ofMinutes(20);

    @Test
    void everyRolesJourneyPassesInChromium() {
        assumeTrue(
                Files.isRegularFile(CONSOLE.resolve("target/dist/index.html")),
                "the console was not built (console/target/dist/index.html is missing: Node.js 20+ and npm were not"
                        + " on the PATH when ./mvnw built it)");
        Optional<String> noNode = NodeTools.unavailable();
        assumeTrue(noNode.isEmpty(), () -> "the console's journeys need Node.js: " + noNode.orElseThrow());
        Optional<String> noChromium = Chromium.ensureInstalled(TARGET);
        assumeTrue(noChromium.isEmpty(), () -> "headless Chromium is not available: " + noChromium.orElseThrow());

        NodeTools console = new NodeTools(CONSOLE, TARGET.resolve("console-journeys"));
        console.install();
        NodeTools.Result journeys = console.run(
                "playwright",
                JOURNEYS_TIMEOUT,
                Map.of(
                        "CONSOLE_BASE_URL",
                        LocalSuite.GATEWAY + "/console/",
                        "KEYCLOAK_URL",
                        LocalSuite.KEYCLOAK,
                        "CHROMIUM_BINARY",
                        Chromium.BINARY.toString(),
                        "SUITE_CLOCK_FILE",
                        SuiteClock.file().toString(),
                        "CI",
                        "true"),
                "npx",
                "--no-install",
                "playwright",
                "test");

        assertThat(journeys.exitCode())
                .as("the console's Playwright journeys (console/target/playwright/junit.xml):\n%s", journeys.describe())
                .isZero();
    }
}
