package org.consentgov.consent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * NDJSON import files made on the fly, a line at a time, so that a test never holds a whole file: realistic
 * lines of about 400 bytes, each a research consent by a Gillick-competent child with a fresh, valid NHS number.
 */
final class ImportFiles {

    private ImportFiles() {}

    /** An even random first nine digits for {@link #nhsNumber}, far enough from the end that 10 million lines fit. */
    static long randomBase() {
        return ThreadLocalRandom.current().nextLong(50_000_000L, 440_000_000L) * 2;
    }

    /**
     * The i-th of a run of valid NHS numbers from an even {@code base}: the nine digits base + 2i, or base + 2i + 1
     * when base + 2i has no check digit (then base + 2i + 1 has one: its weighted sum is 2 more). Never repeats.
     */
    static String nhsNumber(long base, long i) {
        long n = base + 2 * i;
        String digits = Long.toString(n);
        int check = check(digits);
        if (check == 10) {
            digits = Long.toString(n + 1);
            check = check(digits);
        }
        return digits + check;
    }

    private static int check(String nine) {
        int sum = 0;
        for (int d = 0; d < 9; d++) {
            sum += (nine.charAt(d) - '0') * (10 - d);
        }
        int check = 11 - (sum % 11);
        return check == 11 ? 0 : check;
    }

    /** One line: a research consent for the subject with this NHS number. */
    static String line(String nhs) {
        LocalDate today = ConsentTestData.today();
        return "{\"subject\":{\"identifiers\":[{\"system\":\"nhs-number\",\"value\":\"" + nhs
                + "\"}],\"dateOfBirth\":\"2012-05-04\"},"
                + "\"notice\":{\"slug\":\"" + NoticeServiceStub.RESEARCH + "\",\"version\":1,\"contentHash\":\""
                + NoticeServiceStub.RESEARCH_HASH + "\"},\"purposes\":[\"research-what-it-means-to-me\"],"
                + "\"parties\":[{\"role\":\"child\",\"decision\":\"GIVEN\",\"decidedOn\":\"" + today.minusDays(2)
                + "\",\"capacity\":\"GILLICK_COMPETENT\",\"assessedOn\":\"" + today.minusDays(3) + "\"}],"
                + "\"collectionMethod\":\"PAPER_FORM\",\"formIssuedOn\":\"" + today.minusDays(5)
                + "\",\"formReceivedOn\":\""
                + today.minusDays(1) + "\",\"evidenceReference\":\"EYES document " + nhs + "\"}\n";
    }

    /**
     * {@code count} lines with NHS numbers {@code nhsNumber(base, from..from+count-1)}, produced as they are read.
     * When {@code pause} is given, the stream stops after {@code pauseAfter} lines until {@code resume} opens.
     */
    static InputStream lines(long base, long from, long count, long pauseAfter, CountDownLatch resume) {
        return new InputStream() {
            private long next = from;
            private byte[] current = new byte[0];
            private int position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position == current.length) {
                    if (next == from + count) {
                        return -1;
                    }
                    if (resume != null && next == from + pauseAfter) {
                        try {
                            if (!resume.await(2, TimeUnit.MINUTES)) {
                                throw new IOException("the test did not resume the upload");
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IOException(e);
                        }
                    }
                    current = line(nhsNumber(base, next++)).getBytes(StandardCharsets.UTF_8);
                    position = 0;
                }
                int n = Math.min(len, current.length - position);
                System.arraycopy(current, position, b, off, n);
                position += n;
                return n;
            }
        };
    }
}
