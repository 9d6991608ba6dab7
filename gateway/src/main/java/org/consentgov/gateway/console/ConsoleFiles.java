package org.consentgov.gateway.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The console's built files (index.html, assets/): a folder on disk, read on each request so that a developer's
 * rebuild shows at once, or the copy the build packaged into the gateway's jar (classpath folder {@code console/}),
 * read once at start. Either way a name is looked up only inside the folder, after {@link ConsolePath} refused
 * every name that could leave it.
 */
public sealed interface ConsoleFiles {

    String INDEX = "index.html";
    String CLASSPATH_FOLDER = "console/";

    /** Whether the console was built: its page is there. */
    boolean built();

    /** A regular file's content by its name relative to the folder; empty when there is none. */
    Optional<byte[]> read(String name);

    /** Whether {@link #read} touches the disk (and so must not run on an event loop). */
    boolean blocking();

    /** Where the files come from, for the log. */
    String describe();

    /**
     * The configured folder when there is one, else the classpath folder {@code console/}: a folder itself when
     * the classes are a directory (tests, dev mode), the entries of the jar that holds it when packaged.
     */
    static ConsoleFiles locate(Optional<String> folder, ClassLoader loader) {
        if (folder.isPresent()) {
            return new Folder(Path.of(folder.get()).toAbsolutePath().normalize());
        }
        URL index = loader.getResource(CLASSPATH_FOLDER + INDEX);
        if (index == null) {
            return new Packaged("the classpath (no console/ folder)", Map.of());
        }
        try {
            if (index.getProtocol().equals("file")) {
                return new Folder(Path.of(index.toURI()).getParent());
            }
            String spec = index.getPath();
            int separator = spec.indexOf("!/");
            if (index.getProtocol().equals("jar") && separator > 0) {
                return Packaged.fromJar(Path.of(new URI(spec.substring(0, separator))));
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // an address this class cannot open: said in describe() below
        }
        return new Packaged("the classpath, at an address that cannot be listed: " + index, Map.of());
    }

    /** A folder on disk; a symbolic link that leads out of it is not followed. */
    record Folder(Path root) implements ConsoleFiles {

        @Override
        public boolean built() {
            return Files.isRegularFile(root.resolve(INDEX));
        }

        @Override
        public Optional<byte[]> read(String name) {
            try {
                Path realRoot = root.toRealPath();
                Path file = realRoot.resolve(name).normalize();
                if (!file.startsWith(realRoot) || !Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                Path real = file.toRealPath();
                if (!real.startsWith(realRoot)) {
                    return Optional.empty();
                }
                return Optional.of(Files.readAllBytes(real));
            } catch (IOException | InvalidPathException e) {
                return Optional.empty();
            }
        }

        @Override
        public boolean blocking() {
            return true;
        }

        @Override
        public String describe() {
            return "the folder " + root;
        }
    }

    /** The files packaged in the gateway's jar, held in memory (the console is a few hundred kilobytes). */
    record Packaged(String source, Map<String, byte[]> files) implements ConsoleFiles {

        public Packaged {
            files = Map.copyOf(files);
        }

        static Packaged fromJar(Path jar) {
            Map<String, byte[]> files = new HashMap<>();
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    String name = entry.getName();
                    if (!entry.isDirectory()
                            && name.startsWith(CLASSPATH_FOLDER)
                            && name.length() > CLASSPATH_FOLDER.length()) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            files.put(name.substring(CLASSPATH_FOLDER.length()), in.readAllBytes());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the console's files from " + jar, e);
            }
            return new Packaged("the jar " + jar, files);
        }

        @Override
        public boolean built() {
            return files.containsKey(INDEX);
        }

        @Override
        public Optional<byte[]> read(String name) {
            return Optional.ofNullable(files.get(name));
        }

        @Override
        public boolean blocking() {
            return false;
        }

        @Override
        public String describe() {
            return source + " (" + files.size() + " files)";
        }
    }
}
