package org.consentgov.consent.domain;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits an NDJSON body into lines without trusting it. {@code BufferedReader.readLine} would hold a line of
 * any length in memory; here a line longer than the cap is read to its end but kept only as "too long".
 * Works on bytes: a line feed never occurs inside a UTF-8 sequence, and Jackson decodes each line itself.
 */
public final class NdjsonLines implements Closeable {

    /** One physical line, numbered from 1; its bytes without the line end, or none when it was too long. */
    public record Line(int number, byte[] bytes, boolean tooLong, boolean blank) {}

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private int number;
    private final byte[] line;

    NdjsonLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
        // one more than the cap, so that a CR before the LF does not count against it
        this.line = new byte[maxBytes + 1];
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        int length = 0;
        boolean overflow = false;
        boolean blank = true;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    break;
                }
            }
            any = true;
            byte b = buffer[position++];
            if (b == '\n') {
                break;
            }
            if (b != ' ' && b != '\t' && b != '\r') {
                blank = false;
            }
            if (length < line.length) {
                line[length++] = b;
            } else {
                overflow = true;
            }
        }
        if (!any) {
            return null;
        }
        number++;
        if (!overflow && length > 0 && line[length - 1] == '\r') {
            length--;
        }
        int start = 0;
        if (number == 1 && length >= 3 && Arrays.equals(line, 0, 3, BOM, 0, 3)) {
            start = 3;
            blank = isBlank(line, 3, length);
        }
        if (overflow || length - start > maxBytes) {
            return new Line(number, null, true, false);
        }
        return new Line(number, Arrays.copyOfRange(line, start, length), false, blank);
    }

    /** How many lines are not blank, reading to the end. */
    int countRecords() throws IOException {
        int records = 0;
        for (Line l = next(); l != null; l = next()) {
            if (!l.blank()) {
                records++;
            }
        }
        return records;
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
