package org.consentgov.platform.http;

import jakarta.ws.rs.core.EntityTag;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.problem.ProblemKind;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its row version, and an update must send it
 * back in {@code If-Match}. A missing header is 428, a stale one 412 (RFC 9110 §13.1.1, strong compare).
 */
public final class ETags {

    private ETags() {}

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version the caller last saw, from its {@code If-Match} header.
     *
     * @throws ProblemException 428 when the header is absent, 412 when it names no version of ours
     */
    public static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(
                    ProblemKind.PRECONDITION_REQUIRED,
                    "if-match-required",
                    "Send the resource's current ETag in If-Match to update it");
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            throw stale("A weak ETag cannot be used in If-Match; send the strong ETag");
        }
        if (tag.length() < 2 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
            throw stale("If-Match must be a quoted ETag such as \"3\"");
        }
        try {
            return Long.parseLong(tag.substring(1, tag.length() - 1));
        } catch (NumberFormatException e) {
            throw stale("If-Match names no version of this resource");
        }
    }

    /** Throws 412 unless the caller's expected version is the current one. */
    public static void requireCurrent(long expected, long current) {
        if (expected != current) {
            throw stale("The resource has changed since you read it (your ETag \"" + expected + "\", current \""
                            + current + "\"); fetch it again")
                    .with("currentEtag", "\"" + current + "\"");
        }
    }

    private static ProblemException stale(String detail) {
        return new ProblemException(ProblemKind.PRECONDITION_FAILED, "stale-etag", detail);
    }
}
