package org.consentgov.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.consentgov.e2e.support.LocalSuite;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The benchmark harness (bench/) in its smoke mode against the running suite's Keycloak: tiny data, a second of
 * load per measurement, every scenario. It asserts that the harness produced its CSV, its ratio table and its
 * plot, never a speed: performance is measured by a full run (bench/RESULTS.md), not asserted in tests.
 */
@E2eTest
@Order(7)
class BenchSmokeE2eTest {

    private static final List<String> TOOLS = List.of("wrk", "nginx", "gnuplot", "pgbench", "psql", "python3");

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void theSmokeRunWritesTheRawFiguresTheRatioTableAndThePlot(LocalSuite suite) throws Exception {
        Path root = Path.of(System.getProperty("e2e.repository-root", ".."))
                .toAbsolutePath()
                .normalize();
        Path target = Path.of(System.getProperty("e2e.target", "target"))
                .toAbsolutePath()
                .normalize();
        List<String> missing = TOOLS.stream().filter(tool -> !onPath(tool)).toList();
        assumeTrue(
                missing.isEmpty() || isRoot(),
                "bench smoke skipped: " + missing + " missing and not root to install them (see bench/README.md)");

        Path out = target.resolve("bench-smoke");
        Path log = target.resolve("bench-smoke.log");
        Process bench = new ProcessBuilder(root.resolve("bench/run").toString(), "--smoke", "--out", out.toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        boolean finished = bench.waitFor(8, TimeUnit.MINUTES);
        if (!finished) {
            bench.descendants().forEach(ProcessHandle::destroy);
            bench.destroy();
            bench.waitFor(60, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished)
                .as("bench/run --smoke finished within 8 minutes:\n%s", output)
                .isTrue();
        assertThat(bench.exitValue())
                .as("bench/run --smoke exit status; its output:\n%s", output)
                .isZero();

        assertThat(lines(out.resolve("results.csv")))
                .as("raw figures")
                .first()
                .asString()
                .startsWith("scenario,variant,size,connections");
        assertThat(Files.readString(out.resolve("results.csv")))
                .contains(
                        "1-check,gateway",
                        "1-check,pgbench",
                        "2-proxy,nginx",
                        "3-create,pgbench",
                        "4-import,COPY",
                        "5-scale,",
                        "6-sharing,gateway",
                        "7-startup,consent-service");
        assertThat(Files.readString(out.resolve("table.txt")))
                .contains("1a", "1c", "2a", "2b", "3", "4a", "5a", "6", "7-gateway");
        byte[] png = Files.readAllBytes(out.resolve("plot.png"));
        assertThat(png).as("plot.png is a PNG").hasSizeGreaterThan(1000);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(output).as("the table is printed").contains("measure", "target");
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
