package org.consentgov.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.consentgov.consent.ConsentTestData.token;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.consentgov.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * Bounded memory: a streamed import of more bytes than the service's whole heap succeeds. The service runs as
 * its own process, the packaged jar, with a small heap ({@code -Xmx${import.heap}}, 64 MiB by default, passed as
 * {@code quarkus.test.arg-line}); this test streams {@code import.lines} lines to it (140,000 of 542 bytes,
 * some 76 MB against a 67 MB heap, made as they are sent), so an import that held the body, a line's results or the records in
 * memory would run out of memory. It reads the service's heap use from {@code /q/metrics} while the import
 * runs and prints the peak. {@code -Dimport.lines=1000000} is the README's long form.
 */
@QuarkusIntegrationTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
class ConsentImportMemoryIT {

    @Test
    void aFileLargerThanTheServicesHeapIsImportedInBoundedMemory() throws Exception {
        long lines = Long.getLong("import.lines", 140_000);
        long heapLimit = bytes(System.getProperty("import.heap", "64m"));
        long nhsBase = ImportFiles.randomBase();
        AtomicLong sent = new AtomicLong();
        AtomicLong peak = new AtomicLong();
        URI service = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/");
        Thread sampler = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peak.accumulateAndGet(heapUsed(), Math::max);
                        try {
                            Thread.sleep(200);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        HttpRequest request = HttpRequest.newBuilder(service.resolve("api/consents/imports"))
                .header("Authorization", "Bearer " + token("integration"))
                .header("Content-Type", "application/x-ndjson")
                .header("Idempotency-Key", "memory-test-" + nhsBase)
                .timeout(Duration.ofHours(1))
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> counting(ImportFiles.lines(nhsBase, 0, lines, 0, null), sent)))
                .build();
        long started = System.nanoTime();
        // HTTP/1.1: the JDK client would otherwise ask for an h2c upgrade, for which Vert.x holds the whole body
        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        long seconds = Math.max(1, Duration.ofNanos(System.nanoTime() - started).toSeconds());
        sampler.interrupt();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonPath job = JsonPath.from(response.body());
        assertThat(job.getString("state")).isEqualTo("COMPLETED");
        assertThat(job.getLong("linesRead")).isEqualTo(lines);
        assertThat(job.getLong("created")).isEqualTo(lines);
        assertThat(job.getLong("rejected")).isZero();
        for (long i : new long[] {0, lines / 2, lines - 1}) {
            String subject = given().auth()
                    .oauth2(token("dpo"))
                    .queryParam("identifier", "nhs-number:" + ImportFiles.nhsNumber(nhsBase, i))
                    .when()
                    .get("/api/subjects")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getString("id");
            given().auth()
                    .oauth2(token("dpo"))
                    .queryParam("subject", subject)
                    .when()
                    .get("/api/consents")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getInt("totalItems");
        }
        assertThat(sent.get())
                .as("the file is larger than the service's whole heap")
                .isGreaterThan(heapLimit);
        // the sampler read the service's heap while the import ran: it never reached the limit (else: out of memory)
        assertThat(peak.get())
                .as("peak heap used, sampled from /q/metrics")
                .isPositive()
                .isLessThan(heapLimit);
        System.out.printf(
                "consent import of %d lines (%d MB) in %d s (%d lines/s); service heap -Xmx%dm, peak heap used"
                        + " %d MB (sampled from /q/metrics every 200 ms)%n",
                lines,
                sent.get() / 1_000_000,
                seconds,
                lines / seconds,
                heapLimit / (1024 * 1024),
                peak.get() / (1024 * 1024));
    }

    /** The service's heap in use: the sum of jvm_memory_used_bytes over its heap pools. */
    private static long heapUsed() {
        try {
            String metrics = given().when().get("/q/metrics").then().extract().asString();
            long used = 0;
            for (String line : metrics.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return used;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static long bytes(String size) {
        String s = size.trim().toLowerCase();
        long unit = s.endsWith("g") ? 1L << 30 : s.endsWith("m") ? 1L << 20 : s.endsWith("k") ? 1L << 10 : 1;
        return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
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
