package org.consentgov.consent.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.platform.json.CanonicalJson;

/**
 * The hash chain over a record's history: each entry's hash is SHA-256 of the previous hash and the
 * entry's canonical JSON, so a changed, inserted or deleted entry breaks every hash after it; the
 * record keeps the head hash and the length, so deleting the newest entries is caught too.
 */
public final class HistoryChain {

    public static final String GENESIS = "0".repeat(64);

    /** The hashed fields of one entry. {@code at} must already be truncated to microseconds (PostgreSQL's precision). */
    public record Link(
            UUID recordId,
            int seq,
            String event,
            ConsentState from,
            ConsentState to,
            String actor,
            Instant at,
            String reason,
            JsonNode payload,
            String prevHash,
            String hash) {}

    public record Verification(boolean valid, int entries, List<String> problems) {}

    private HistoryChain() {}

    public static String hash(
            String prevHash,
            UUID recordId,
            int seq,
            String event,
            ConsentState from,
            ConsentState to,
            String actor,
            Instant at,
            String reason,
            JsonNode payload) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("recordId", recordId.toString());
        entry.put("seq", seq);
        entry.put("event", event);
        entry.put("from", from == null ? null : from.name());
        entry.put("to", to.name());
        entry.put("actor", actor);
        entry.put("at", at.toString());
        entry.put("reason", reason);
        entry.put("payload", payload);
        return CanonicalJson.sha256Hex(
                (prevHash + "\n").getBytes(StandardCharsets.US_ASCII),
                CanonicalJson.of(entry).getBytes(StandardCharsets.UTF_8));
    }

    /** Checks every link, the sequence, and that the chain ends where the record says it does. */
    public static Verification verify(
            List<Link> links, int expectedLength, String expectedHead, ConsentState currentState) {
        List<String> problems = new ArrayList<>();
        String prev = GENESIS;
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            if (link.seq() != i + 1) {
                problems.add("entry " + (i + 1) + " is missing (found seq " + link.seq() + ")");
            }
            if (!prev.equals(link.prevHash())) {
                problems.add("entry " + link.seq() + " does not follow the entry before it");
            }
            String recomputed = hash(
                    link.prevHash(),
                    link.recordId(),
                    link.seq(),
                    link.event(),
                    link.from(),
                    link.to(),
                    link.actor(),
                    link.at(),
                    link.reason(),
                    link.payload());
            if (!recomputed.equals(link.hash())) {
                problems.add("entry " + link.seq() + " was changed after it was written");
            }
            prev = link.hash();
        }
        if (links.size() != expectedLength) {
            problems.add("the record has " + expectedLength + " history entries but " + links.size() + " were found");
        }
        if (!prev.equals(expectedHead)) {
            problems.add("the last entry is not the one the record points to");
        }
        if (!links.isEmpty() && links.get(links.size() - 1).to() != currentState) {
            problems.add("the record's state " + currentState + " is not where its history ends");
        }
        return new Verification(problems.isEmpty(), links.size(), List.copyOf(problems));
    }
}
