package org.consentgov.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsolePathTest {

    @Test
    void theBarePrefixRedirectsToTheAppsFolder() {
        assertThat(ConsolePath.of("/console")).contains(new ConsolePath.Redirect("/console/"));
    }

    @Test
    void theFolderItselfIsThePageAndConfigJsonIsGenerated() {
        assertThat(ConsolePath.of("/console/")).contains(new ConsolePath.Page());
        assertThat(ConsolePath.of("/console/config.json")).contains(new ConsolePath.Config());
        assertThat(ConsolePath.of("/console/config.json/")).contains(new ConsolePath.Config());
    }

    @Test
    void pathsThatAreNotTheConsolesAreLeftAlone() {
        assertThat(ConsolePath.of("/consoles")).isEmpty();
        assertThat(ConsolePath.of("/console.json")).isEmpty();
        assertThat(ConsolePath.of("/api/console")).isEmpty();
        assertThat(ConsolePath.of(null)).isEmpty();
    }

    @Test
    void assetsAreLongLivedFilesAndAMissingOneIsNotThePage() {
        ConsolePath.File js = file("/console/assets/app-abc123.js");
        assertThat(js.name()).isEqualTo("assets/app-abc123.js");
        assertThat(js.immutable()).isTrue();
        assertThat(js.pageWhenMissing()).isFalse();

        ConsolePath.File font = file("/console/assets/fonts/light-94a07e06a1-v2.woff2");
        assertThat(font.immutable()).isTrue();

        ConsolePath.File icon = file("/console/favicon.ico");
        assertThat(icon.immutable()).isFalse();
        assertThat(icon.pageWhenMissing()).isFalse();
    }

    @Test
    void anAppRouteWithoutAnExtensionFallsBackToThePage() {
        ConsolePath.File route = file("/console/children/9990000018");
        assertThat(route.name()).isEqualTo("children/9990000018");
        assertThat(route.pageWhenMissing()).isTrue();
        assertThat(file("/console/notices/").name()).isEqualTo("notices");
        assertThat(file("/console/agreements/v1.2/parties").pageWhenMissing())
                .as("a dot in an earlier segment is no extension")
                .isTrue();
        assertThat(file("/console/notices/what%20it%20means").name()).isEqualTo("notices/what it means");
    }

    @Test
    void everyWayOutOfTheFolderOrIntoAHiddenFileIsRefused() {
        List<String> attempts = List.of(
                "/console/..",
                "/console/../secret.txt",
                "/console/assets/../../secret.txt",
                "/console/assets/../index.html",
                "/console/%2e%2e/secret.txt",
                "/console/%2E%2E/secret.txt",
                "/console/.%2e/secret.txt",
                "/console/..%2fsecret.txt",
                "/console/..%2Fsecret.txt",
                "/console/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "/console/..%5csecret.txt",
                "/console/..\\secret.txt",
                "/console/assets\\..\\..\\secret.txt",
                "/console//etc/passwd",
                "/console/%2fetc%2fpasswd",
                "/console/assets//app.js",
                "/console/C:/Windows/win.ini",
                "/console/C%3a%5cWindows%5cwin.ini",
                "/console/%252e%252e/secret.txt",
                "/console/index.html%00.js",
                "/console/./index.html",
                "/console/.env",
                "/console/assets/.hidden.js",
                "/console/%c0%ae%c0%ae/secret.txt",
                "/console/%zz",
                "/console/%2");
        for (String attempt : attempts) {
            assertThat(ConsolePath.of(attempt)).as(attempt).contains(new ConsolePath.Refused());
        }
    }

    private static ConsolePath.File file(String path) {
        ConsolePath decided = ConsolePath.of(path).orElseThrow();
        assertThat(decided).as(path).isInstanceOf(ConsolePath.File.class);
        return (ConsolePath.File) decided;
    }
}
