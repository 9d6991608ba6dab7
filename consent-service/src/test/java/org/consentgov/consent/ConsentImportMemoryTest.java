package org.consentgov.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.consent.ConsentTestData.token;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.consentgov.platform.testing.PostgresTestResource;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Bounded memory: a streamed import of more bytes than this JVM's whole heap succeeds. Runs in a surefire
 * execution of its own with a small heap ({@code import.heap}, 96 MiB) and {@code import.lines} lines (200,000 of
 * about 530 bytes, some 105 MB): an import that held the body, or the lines' results, would run out of memory.
 * The long form, {@code -Dimport.lines=1000000}, is the README's 1,000,000-line run. The client streams the file
 * as it makes it, and the service runs in this same JVM, so the heap bounds both.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class ConsentImportMemoryTest {

    private static final Logger LOG = Logger.getLogger(ConsentImportMemoryTest.class);

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aFileLargerThanTheHeapIsImportedInBoundedMemory() throws Exception {
        long lines = Long.getLong("import.lines", 200_000);
        long nhsBase = ImportFiles.randomBase();
        AtomicLong sent = new AtomicLong();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve("api/consents/imports"))
                .header("Authorization", "Bearer " + token("integration")).header("Content-Type", "application/x-ndjson")
                .header("Idempotency-Key", "memory-test-" + nhsBase).timeout(Duration.ofHours(1))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> counting(ImportFiles.lines(nhsBase, 0, lines, 0, null),
                        sent)))
                .build();
        long started = System.nanoTime();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        sampler.interrupt();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonPath job = JsonPath.from(response.body());
        assertThat(job.getString("state")).isEqualTo("COMPLETED");
        assertThat(job.getLong("linesRead")).isEqualTo(lines);
        assertThat(job.getLong("created")).isEqualTo(lines);
        assertThat(job.getLong("rejected")).isZero();
        assertThat(count("SELECT count(*) FROM consent_record r JOIN subject_identifier i ON i.subject_id = r.subject_id"
                + " WHERE i.value IN (?, ?)", ImportFiles.nhsNumber(nhsBase, 0), ImportFiles.nhsNumber(nhsBase, lines - 1)))
                .isEqualTo(2);
        long maxHeap = Runtime.getRuntime().maxMemory();
        assertThat(sent.get()).as("the file is larger than the whole heap").isGreaterThan(maxHeap);
        String result = String.format("import of %d lines (%d MB) in %d s (%d lines/s) with -Xmx%dm: peak heap used %d MB",
                lines, sent.get() / 1_000_000, seconds, lines / Math.max(1, seconds), maxHeap / (1024 * 1024),
                peak.get() / (1024 * 1024));
        LOG.info(result);
        System.out.println(result);
    }

    private long count(String sql, String a, String b) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, a);
            s.setString(2, b);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static InputStream counting(InputStream in, AtomicLong count) {
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count.addAndGet(n);
                }
                return n;
            }
        };
    }
}
