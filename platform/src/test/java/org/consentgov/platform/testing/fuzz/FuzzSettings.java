package org.consentgov.platform.testing.fuzz;

/**
 * The knobs of a fuzz run, read from system properties so that a failing run can be repeated and a long one
 * started from the command line:
 * <ul>
 * <li>{@code -Dfuzz.seed=<long>} repeats a run (every run prints its seed; without it a new seed is drawn);</li>
 * <li>{@code -Dfuzz.requests=<n>} sets the number of requests per service (the default keeps {@code verify}
 * short; raise it for a long run).</li>
 * </ul>
 */
public record FuzzSettings(long seed, int requests) {

    public static FuzzSettings fromSystemProperties(int defaultRequests) {
        String seed = System.getProperty("fuzz.seed", "").trim();
        String requests = System.getProperty("fuzz.requests", "").trim();
        return new FuzzSettings(
                seed.isEmpty() ? System.nanoTime() ^ System.currentTimeMillis() : Long.parseLong(seed),
                requests.isEmpty() ? defaultRequests : Integer.parseInt(requests));
    }
}
