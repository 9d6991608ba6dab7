package org.consentgov.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.gateway.SecurityHeaderAssertions.hasSecurityHeaders;
import static org.consentgov.gateway.SecurityHeaderAssertions.isNotStored;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.consentgov.platform.testing.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The governance console at /console/, served from the fixture folder src/test/resources/console-fixture (set as
 * gateway.console.dir in the test profile): files with their types and caching, the app's page for its own routes,
 * 404 problems for missing files and for every way out of the folder, config.json, the console's own
 * Content-Security-Policy with the other security headers, and no token needed while /api still needs one.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(AllUpstreamStubs.class)
class ConsoleTest {

    static final Path FIXTURE = Path.of("src/test/resources/console-fixture");
    static final String PAGE_MARKER = "data-fixture=\"console-index\"";
    static final String OUTSIDE_MARKER = "console-outside-secret";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @TestHTTPResource("/")
    URL gateway;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void resetStubs() {
        AllUpstreamStubs.reset();
    }

    /** The realm the gateway trusts, as configured for the test (with a trailing slash). */
    static String realm() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
    }

    static String realmOrigin() {
        URI realm = URI.create(realm());
        return realm.getScheme() + "://" + realm.getHost() + ":" + realm.getPort();
    }

    static String consolePolicy() {
        String origin = realmOrigin();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
                + " connect-src 'self' " + origin + "; frame-src " + origin + "; frame-ancestors 'none';"
                + " base-uri 'none'; form-action 'self' " + origin + "; object-src 'none'";
    }

    /** Security headers, exactly the console's policy, and the given caching. */
    static Response isConsoleAnswer(Response response, String cacheControl) {
        hasSecurityHeaders(response);
        assertThat(response.header("Content-Security-Policy")).isEqualTo(consolePolicy());
        assertThat(response.headers().getValues("Cache-Control"))
                .as("Cache-Control")
                .containsExactly(cacheControl);
        return response;
    }

    @Test
    void theBarePathRedirectsToTheAppsFolderOnGetAndHead() {
        for (Response redirect : List.of(
                given().redirects().follow(false).when().get("/console"),
                given().redirects().follow(false).when().head("/console"))) {
            assertThat(redirect.statusCode()).isEqualTo(301);
            assertThat(redirect.header("Location")).endsWith("/console/");
            hasSecurityHeaders(redirect);
            assertThat(redirect.header("Content-Security-Policy")).isEqualTo(consolePolicy());
        }
    }

    @Test
    void theAppsPageIsServedWithTheConsolesStrictPolicyAndRevalidatedEveryTime() throws IOException {
        Response page = given().when().get("/console/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(page.asString()).isEqualTo(Files.readString(FIXTURE.resolve("index.html")));
        isConsoleAnswer(page, "no-cache");
        assertThat(page.header("Content-Security-Policy"))
                .as("no inline script or style, nothing from elsewhere but the realm")
                .doesNotContain("unsafe")
                .doesNotContain("*");
        assertThat(page.header("X-Request-Id")).isNotBlank();

        Response index = given().when().get("/console/index.html");
        assertThat(index.statusCode()).isEqualTo(200);
        isConsoleAnswer(index, "no-cache");
    }

    @Test
    void everyRouteOfTheAppWithoutAnExtensionGetsThePage() {
        for (String route : List.of(
                "/console/children/9990000018",
                "/console/notices/what-it-means-to-me/versions/2",
                "/console/notices/",
                "/console/agreements/v1.2/parties",
                "/console/dashboard?tab=withdrawals",
                "/console/assets")) {
            Response page = given().urlEncodingEnabled(false).when().get(route);
            assertThat(page.statusCode()).as(route).isEqualTo(200);
            assertThat(page.contentType()).as(route).startsWith("text/html");
            assertThat(page.asString()).as(route).contains(PAGE_MARKER);
            isConsoleAnswer(page, "no-cache");
        }
    }

    @Test
    void aFileWithoutAnExtensionIsStillServedAsAFile() {
        Response file = given().when().get("/console/LICENSE");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.asString()).startsWith("A file without an extension");
        assertThat(file.contentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void assetsCarryTheirTypeAndAreCachedForAYearAsImmutable() throws IOException {
        Map<String, String> types = Map.of(
                "assets/app-abc123.js", "text/javascript; charset=utf-8",
                "assets/app-abc123.css", "text/css; charset=utf-8",
                "assets/app-abc123.js.map", "application/json",
                "assets/fonts/light-94a07e06a1-v2.woff2", "font/woff2",
                "assets/images/govuk-crest.png", "image/png",
                "assets/images/govuk-icon-mask.svg", "image/svg+xml");
        types.forEach((name, type) -> {
            Response asset = given().when().get("/console/" + name);
            assertThat(asset.statusCode()).as(name).isEqualTo(200);
            assertThat(asset.contentType()).as(name).isEqualTo(type);
            isConsoleAnswer(asset, IMMUTABLE);
            try {
                assertThat(asset.asByteArray()).as(name).isEqualTo(Files.readAllBytes(FIXTURE.resolve(name)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void filesOutsideAssetsAreRevalidatedEveryTime() {
        Map<String, String> types = Map.of(
                "favicon.ico", "image/x-icon",
                "manifest.json", "application/json");
        types.forEach((name, type) -> {
            Response file = given().when().get("/console/" + name);
            assertThat(file.statusCode()).as(name).isEqualTo(200);
            assertThat(file.contentType()).as(name).isEqualTo(type);
            isConsoleAnswer(file, "no-cache");
        });
    }

    @Test
    void headAnswersCarryTheSameHeadersAndNoBody() {
        Map<String, String> caching = Map.of(
                "/console/", "no-cache",
                "/console/children/9990000018", "no-cache",
                "/console/assets/app-abc123.js", IMMUTABLE,
                "/console/config.json", "no-store");
        caching.forEach((path, cacheControl) -> {
            Response get = given().when().get(path);
            Response head = given().when().head(path);
            assertThat(head.statusCode()).as(path).isEqualTo(200);
            assertThat(head.contentType()).as(path).isEqualTo(get.contentType());
            if (!path.endsWith("config.json")) {
                assertThat(head.header("Content-Length")).as(path).isEqualTo(String.valueOf(get.asByteArray().length));
            }
            isConsoleAnswer(head, cacheControl);
            assertThat(head.asByteArray()).as(path).isEmpty();
        });
        Response missing = given().when().head("/console/assets/missing-000000.js");
        assertThat(missing.statusCode()).isEqualTo(404);
        hasSecurityHeaders(missing);
    }

    @Test
    void aMissingFileWithAnExtensionIsA404ProblemNotThePage() {
        for (String path : List.of(
                "/console/assets/app-000000.js",
                "/console/assets/fonts/missing.woff2",
                "/console/missing.png",
                "/console/children/9990000018.json")) {
            Response missing = given().when().get(path);
            assertThat(missing.statusCode()).as(path).isEqualTo(404);
            assertThat(missing.contentType()).as(path).startsWith("application/problem+json");
            assertThat(missing.jsonPath().getString("code")).isEqualTo("not-found");
            assertThat(missing.jsonPath().getInt("status")).isEqualTo(404);
            assertThat(missing.asString()).doesNotContain(PAGE_MARKER);
            isNotStored(missing);
        }
    }

    @Test
    void configJsonNamesTheRealmTheConsolesClientAndTheApiAndIsNeverStored() {
        Response config = given().when().get("/console/config.json");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.contentType()).isEqualTo("application/json");
        isConsoleAnswer(config, "no-store");
        Map<String, Object> values = config.jsonPath().getMap("$");
        assertThat(realm()).endsWith("/");
        assertThat(values)
                .as("generated by the gateway, not the fixture's config.json")
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "authority", realm().substring(0, realm().length() - 1),
                        "clientId", "governance-console",
                        "apiBase", "/"));
    }

    @Test
    void noTokenIsNeededForTheConsoleButTheApiStillNeedsOne() {
        assertThat(given().when().get("/console/").statusCode()).isEqualTo(200);
        assertThat(given().when().get("/console/assets/app-abc123.js").statusCode())
                .isEqualTo(200);
        assertThat(given().when().get("/console/config.json").statusCode()).isEqualTo(200);
        assertThat(given().auth()
                        .oauth2(TestTokens.token("console", "dpo", "luton-council", "gateway"))
                        .when()
                        .get("/console/")
                        .statusCode())
                .isEqualTo(200);

        Response api = given().when().get("/api/consents/summary");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(api.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(AllUpstreamStubs.server("consent").getAllServeEvents())
                .as("the service never saw the call")
                .isEmpty();
        assertThat(given().auth()
                        .oauth2(TestTokens.token("console", "dpo", "luton-council", "gateway"))
                        .when()
                        .get("/api/consents/summary")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void noPathLeavesTheConsolesFolder() throws IOException {
        assertThat(Files.readString(FIXTURE.resolveSibling("console-outside.txt")))
                .as("the file the attempts aim at exists")
                .contains(OUTSIDE_MARKER);
        for (String attempt : List.of(
                "/console/../console-outside.txt",
                "/console/assets/../../console-outside.txt",
                "/console/%2e%2e/console-outside.txt",
                "/console/%2E%2E/console-outside.txt",
                "/console/.%2e/console-outside.txt",
                "/console/..%2fconsole-outside.txt",
                "/console/assets/..%2f..%2fconsole-outside.txt",
                "/console/%2e%2e%2fconsole-outside.txt",
                "/console/..%5cconsole-outside.txt",
                "/console/assets%5c..%5c..%5cconsole-outside.txt",
                "/console/%252e%252e/console-outside.txt",
                "/console//etc/passwd",
                "/console/%2fetc%2fpasswd",
                "/console/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "/console/C:%5cWindows%5cwin.ini",
                "/console/%c0%ae%c0%ae/console-outside.txt",
                "/console/index.html%00.js",
                "/console/.%2e")) {
            RawAnswer answer = raw("GET", attempt);
            assertThat(answer.status()).as(attempt).isEqualTo(404);
            assertThat(answer.text()).as(attempt).doesNotContain(OUTSIDE_MARKER).doesNotContain("root:");
        }
    }

    @Test
    void aBackslashSentAsItIsIsAMalformedRequestThatReachesNoFile() {
        // a raw backslash is not allowed in a request target (RFC 3986): the HTTP server answers 400 before any
        // route runs; sent percent-encoded it reaches the console, which refuses it (noPathLeavesTheConsolesFolder)
        for (String attempt :
                List.of("/console/..\\console-outside.txt", "/console/assets\\..\\..\\console-outside.txt")) {
            RawAnswer answer = raw("GET", attempt);
            assertThat(answer.status()).as(attempt).isEqualTo(400);
            assertThat(answer.text()).as(attempt).doesNotContain(OUTSIDE_MARKER);
        }
    }

    @Test
    void aTraversalThatLandsBackInsideTheFolderIsRefusedAllTheSame() {
        // the router's own normalisation would make this /console/index.html; the console refuses it outright
        RawAnswer answer = raw("GET", "/console/assets/%2e%2e/index.html");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text()).contains("application/problem+json").doesNotContain(PAGE_MARKER);
    }

    @Test
    void aPathThatOnlyStartsLikeTheConsoleIsNotTheConsoles() {
        Response other = given().when().get("/consoles");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.asString()).doesNotContain(PAGE_MARKER);
    }

    record RawAnswer(int status, String text) {}

    /** The request line exactly as written: no client library normalises or re-encodes it. */
    RawAnswer raw(String method, String target) {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.getOutputStream()
                    .write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            String statusLine = text.lines().findFirst().orElse("");
            String[] parts = statusLine.split(" ");
            assertThat(parts.length)
                    .as("status line of %s: %s", target, statusLine)
                    .isGreaterThan(1);
            return new RawAnswer(Integer.parseInt(parts[1]), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
