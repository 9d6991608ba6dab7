package org.consentgov.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.consentgov.consent.domain.HistoryChain.Link;
import org.junit.jupiter.api.Test;

class HistoryChainTest {

    static final UUID RECORD = UUID.randomUUID();
    static final JsonNode PAYLOAD = new ObjectMapper().createObjectNode().put("a", 1);

    static List<Link> chain(int n) {
        List<Link> links = new ArrayList<>();
        String prev = HistoryChain.GENESIS;
        ConsentState from = null;
        for (int i = 1; i <= n; i++) {
            ConsentState to = i == n && n > 1 ? ConsentState.WITHDRAWN : ConsentState.ACTIVE;
            Instant at = Instant.parse("2026-11-0" + i + "T10:00:00.123456Z");
            String hash = HistoryChain.hash(prev, RECORD, i, "e" + i, from, to, "caseworker", at, null, PAYLOAD);
            links.add(new Link(RECORD, i, "e" + i, from, to, "caseworker", at, null, PAYLOAD, prev, hash));
            prev = hash;
            from = to;
        }
        return links;
    }

    @Test
    void anUntouchedChainVerifies() {
        List<Link> links = chain(3);
        HistoryChain.Verification v = HistoryChain.verify(links, 3, links.get(2).hash(), ConsentState.WITHDRAWN);
        assertThat(v.valid()).isTrue();
        assertThat(v.problems()).isEmpty();
    }

    @Test
    void aChangedEntryIsDetected() {
        List<Link> links = new ArrayList<>(chain(3));
        Link l = links.get(1);
        links.set(
                1,
                new Link(
                        l.recordId(),
                        l.seq(),
                        l.event(),
                        l.from(),
                        l.to(),
                        "someone-else",
                        l.at(),
                        l.reason(),
                        l.payload(),
                        l.prevHash(),
                        l.hash()));
        assertThat(HistoryChain.verify(links, 3, links.get(2).hash(), ConsentState.WITHDRAWN)
                        .problems())
                .contains("entry 2 was changed after it was written");
    }

    @Test
    void aDeletedMiddleEntryIsDetected() {
        List<Link> links = new ArrayList<>(chain(3));
        String head = links.get(2).hash();
        links.remove(1);
        HistoryChain.Verification v = HistoryChain.verify(links, 3, head, ConsentState.WITHDRAWN);
        assertThat(v.valid()).isFalse();
        assertThat(v.problems()).anyMatch(p -> p.contains("missing"));
    }

    @Test
    void aDeletedNewestEntryIsDetectedThroughTheRecordsHead() {
        List<Link> links = new ArrayList<>(chain(3));
        String head = links.get(2).hash();
        links.remove(2);
        assertThat(HistoryChain.verify(links, 3, head, ConsentState.WITHDRAWN).valid())
                .isFalse();
    }

    @Test
    void theHashCoversEveryField() {
        Instant at = Instant.parse("2026-11-01T10:00:00Z");
        String base = HistoryChain.hash(
                HistoryChain.GENESIS, RECORD, 1, "e", null, ConsentState.ACTIVE, "a", at, null, PAYLOAD);
        assertThat(HistoryChain.hash(
                        HistoryChain.GENESIS, RECORD, 1, "e", null, ConsentState.ACTIVE, "a", at, "why", PAYLOAD))
                .isNotEqualTo(base);
        assertThat(HistoryChain.hash(
                        HistoryChain.GENESIS, RECORD, 1, "e", null, ConsentState.REFUSED, "a", at, null, PAYLOAD))
                .isNotEqualTo(base);
        assertThat(HistoryChain.hash(
                        HistoryChain.GENESIS,
                        RECORD,
                        1,
                        "e",
                        null,
                        ConsentState.ACTIVE,
                        "a",
                        at.plusNanos(1000),
                        null,
                        PAYLOAD))
                .isNotEqualTo(base);
        assertThat(HistoryChain.hash("f".repeat(64), RECORD, 1, "e", null, ConsentState.ACTIVE, "a", at, null, PAYLOAD))
                .isNotEqualTo(base);
    }
}
