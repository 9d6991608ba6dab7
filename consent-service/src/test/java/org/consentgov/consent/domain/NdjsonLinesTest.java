package org.consentgov.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonLinesTest {

    static List<NdjsonLines.Line> lines(byte[] body, int max) throws IOException {
        List<NdjsonLines.Line> out = new ArrayList<>();
        try (NdjsonLines lines = new NdjsonLines(new ByteArrayInputStream(body), max)) {
            for (NdjsonLines.Line l = lines.next(); l != null; l = lines.next()) {
                out.add(l);
            }
        }
        return out;
    }

    static List<NdjsonLines.Line> lines(String body, int max) throws IOException {
        return lines(body.getBytes(StandardCharsets.UTF_8), max);
    }

    static String text(NdjsonLines.Line line) {
        return new String(line.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void linesAreNumberedPhysicallyWithBlankLinesMarkedAndCrLfStripped() throws IOException {
        List<NdjsonLines.Line> lines = lines("{\"a\":1}\r\n\n  \t\r\n{\"b\":\"é\"}", 100);

        assertThat(lines).extracting(NdjsonLines.Line::number).containsExactly(1, 2, 3, 4);
        assertThat(lines).extracting(NdjsonLines.Line::blank).containsExactly(false, true, true, false);
        assertThat(text(lines.get(0))).isEqualTo("{\"a\":1}");
        assertThat(text(lines.get(3))).isEqualTo("{\"b\":\"é\"}");
    }

    @Test
    void aFinalLineFeedDoesNotMakeAnotherLine() throws IOException {
        assertThat(lines("{}\n{}\n", 100)).hasSize(2);
        assertThat(lines("", 100)).isEmpty();
    }

    @Test
    void aLineOverTheCapIsTooLongAndTheNextLineIsStillRead() throws IOException {
        String big = "x".repeat(11);
        List<NdjsonLines.Line> lines = lines("1234567890\r\n" + big + "\n{}", 10);

        assertThat(lines).extracting(NdjsonLines.Line::tooLong).containsExactly(false, true, false);
        assertThat(text(lines.get(0))).isEqualTo("1234567890");
        assertThat(lines.get(1).bytes()).isNull();
        assertThat(lines.get(2).number()).isEqualTo(3);
    }

    @Test
    void aByteOrderMarkOnTheFirstLineIsDropped() throws IOException {
        byte[] body =
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}', '\n', (byte) 0xEF, (byte) 0xBB, (byte) 0xBF
                };
        List<NdjsonLines.Line> lines = lines(body, 100);

        assertThat(text(lines.get(0))).isEqualTo("{}");
        assertThat(lines.get(1).bytes()).hasSize(3);
    }

    @Test
    void recordsAreTheNonBlankLines() throws IOException {
        try (NdjsonLines lines =
                new NdjsonLines(new ByteArrayInputStream("a\n\nb\n \nc".getBytes(StandardCharsets.UTF_8)), 5)) {
            assertThat(lines.countRecords()).isEqualTo(3);
        }
    }
}
