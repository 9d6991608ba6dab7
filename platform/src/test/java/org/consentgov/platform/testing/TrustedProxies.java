package org.consentgov.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.vertx.http.runtime.TrustedProxyCheck;
import io.quarkus.vertx.http.runtime.TrustedProxyCheckPartConverter;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a service's {@code quarkus.http.proxy.trusted-proxies} with the converter Quarkus itself uses. An entry
 * that Quarkus does not read as an address or a CIDR range becomes a host name, looked up by DNS on every
 * forwarded-header check, that is on every request: {@code ::1} was one (Quarkus reads its colons as host:port),
 * and each request waited for the resolver, seconds where DNS does not answer. Addresses are written as CIDR
 * ranges ({@code 127.0.0.1/32}, {@code ::1/128}).
 */
public final class TrustedProxies {

    private static final Pattern DEFAULT = Pattern.compile("^\\$\\{[A-Z0-9_]+:(.*)}$");

    private TrustedProxies() {}

    /** The default value of {@code quarkus.http.proxy.trusted-proxies} in the given properties file, split. */
    public static List<String> configured(Path applicationProperties) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(applicationProperties)) {
            properties.load(in);
        }
        String value =
                properties.getProperty("quarkus.http.proxy.trusted-proxies", "").trim();
        Matcher withDefault = DEFAULT.matcher(value);
        if (withDefault.matches()) {
            value = withDefault.group(1);
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** Fails unless every entry is an address or range to Quarkus (no host name to resolve per request). */
    public static void assertAddressesOnly(List<String> entries) {
        assertFalse(entries.isEmpty(), "no trusted proxies configured");
        TrustedProxyCheckPartConverter converter = new TrustedProxyCheckPartConverter();
        for (String entry : entries) {
            TrustedProxyCheck.TrustedProxyCheckPart part = converter.convert(entry);
            assertNull(
                    field(part, "hostName"),
                    () -> "Quarkus reads trusted proxy '" + entry
                            + "' as a host name and resolves it on every request; write it as a CIDR range");
            assertEquals(0, (int) field(part, "port"), () -> "trusted proxy '" + entry + "' names a port");
        }
    }

    private static Object field(TrustedProxyCheck.TrustedProxyCheckPart part, String name) {
        try {
            Field f = TrustedProxyCheck.TrustedProxyCheckPart.class.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(part);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Quarkus changed TrustedProxyCheckPart: " + e, e);
        }
    }
}
