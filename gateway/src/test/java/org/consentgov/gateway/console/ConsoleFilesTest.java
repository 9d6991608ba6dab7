package org.consentgov.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleFilesTest {

    @TempDir
    Path temp;

    @Test
    void aFolderServesItsRegularFilesOnly() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("dist/assets")).getParent();
        Files.writeString(folder.resolve("index.html"), "<!DOCTYPE html>");
        Files.writeString(folder.resolve("assets/app-1.js"), "js");
        ConsoleFiles files = ConsoleFiles.locate(Optional.of(folder.toString()), loader());

        assertThat(files).isInstanceOf(ConsoleFiles.Folder.class);
        assertThat(files.built()).isTrue();
        assertThat(files.read("assets/app-1.js"))
                .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo("js".getBytes(StandardCharsets.UTF_8)));
        assertThat(files.read("assets")).as("a folder is no file").isEmpty();
        assertThat(files.read("assets/missing.js")).isEmpty();
    }

    @Test
    void aFolderNeverReadsOutsideItselfEvenThroughALink() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("dist"));
        Files.writeString(folder.resolve("index.html"), "<!DOCTYPE html>");
        Path secret = Files.writeString(temp.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(folder.resolve("linked.txt"), secret);
        ConsoleFiles files = ConsoleFiles.locate(Optional.of(folder.toString()), loader());

        assertThat(files.read("../secret.txt")).isEmpty();
        assertThat(files.read(secret.toString())).as("an absolute name").isEmpty();
        assertThat(files.read("linked.txt")).as("a link out of the folder").isEmpty();
    }

    @Test
    void aMissingFolderOrOneWithoutThePageIsAConsoleNotBuilt() throws IOException {
        assertThat(ConsoleFiles.locate(Optional.of(temp.resolve("nowhere").toString()), loader())
                        .built())
                .isFalse();
        Path withoutPage = Files.createDirectories(temp.resolve("half"));
        Files.writeString(withoutPage.resolve("app.js"), "js");
        assertThat(ConsoleFiles.locate(Optional.of(withoutPage.toString()), loader())
                        .built())
                .isFalse();
        assertThat(ConsoleFiles.locate(Optional.empty(), loader()).built())
                .as("no console/ folder on the classpath")
                .isFalse();
    }

    @Test
    void theCopyPackagedInAJarIsReadOnceAndServedFromMemory() throws IOException {
        Path jar = temp.resolve("gateway.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("console/"));
            zip.putNextEntry(new ZipEntry("console/assets/"));
            entry(zip, "console/index.html", "<!DOCTYPE html>");
            entry(zip, "console/assets/app-abc123.js", "js");
            entry(zip, "other/secret.txt", "secret");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ConsoleFiles files = ConsoleFiles.locate(Optional.empty(), loader);

            assertThat(files).isInstanceOf(ConsoleFiles.Packaged.class);
            assertThat(files.blocking()).isFalse();
            assertThat(files.built()).isTrue();
            assertThat(files.read("assets/app-abc123.js")).isPresent();
            assertThat(files.read("assets")).as("a folder entry is no file").isEmpty();
            assertThat(files.read("assets/")).isEmpty();
            assertThat(files.read("../other/secret.txt")).isEmpty();
        }
    }

    @Test
    void classesInAFolderServeTheirConsoleFolder() throws IOException {
        Path classes = Files.createDirectories(temp.resolve("classes/console")).getParent();
        Files.writeString(classes.resolve("console/index.html"), "<!DOCTYPE html>");
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            ConsoleFiles files = ConsoleFiles.locate(Optional.empty(), loader);
            assertThat(files).isInstanceOf(ConsoleFiles.Folder.class);
            assertThat(files.built()).isTrue();
        }
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream out = zip;
        out.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static ClassLoader loader() {
        return new URLClassLoader(new URL[0], null);
    }
}
