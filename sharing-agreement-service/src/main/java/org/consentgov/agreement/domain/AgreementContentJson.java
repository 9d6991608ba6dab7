package org.consentgov.agreement.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agreement content as stored: one JSON document per version. A stored document that cannot be read is a
 * defect, not a request error, so failures are {@link IllegalStateException}s.
 */
@ApplicationScoped
public class AgreementContentJson {

    private static final TypeReference<List<NoticeChange>> NOTICE_CHANGES = new TypeReference<>() {};

    /** How many frozen versions' contents are kept parsed; past that the cache starts again. */
    static final int FROZEN_KEPT = 2_000;

    private final ObjectMapper mapper;
    private final Map<UUID, Frozen> frozen = new ConcurrentHashMap<>();

    public AgreementContentJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The content of a version put up for signature, parsed once: its content never changes after that (the
     * database refuses it), and a sharing decision reads the same few versions over and over. A draft (no hash
     * yet) is parsed each time. The hash is part of the key, so a changed document is never answered from here.
     */
    public AgreementContent readFrozen(UUID versionId, String contentHash, String json) {
        if (contentHash == null) {
            return read(json);
        }
        Frozen kept = frozen.get(versionId);
        if (kept != null && kept.hash().equals(contentHash)) {
            return kept.content();
        }
        AgreementContent content = read(json);
        if (frozen.size() >= FROZEN_KEPT) {
            frozen.clear();
        }
        frozen.put(versionId, new Frozen(contentHash, content));
        return content;
    }

    private record Frozen(String hash, AgreementContent content) {}

    public AgreementContent read(String json) {
        try {
            return mapper.readValue(json, AgreementContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored agreement content is unreadable", e);
        }
    }

    public String write(AgreementContent content) {
        try {
            return mapper.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("agreement content cannot be serialised", e);
        }
    }

    /** An agreement's material notice changes awaiting review ({@code review_notice_changes}), oldest first. */
    public List<NoticeChange> noticeChanges(String json) {
        try {
            return json == null ? new ArrayList<>() : new ArrayList<>(mapper.readValue(json, NOTICE_CHANGES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored notice changes are unreadable", e);
        }
    }

    public String write(List<NoticeChange> changes) {
        try {
            return mapper.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notice changes cannot be serialised", e);
        }
    }

    /** Any stored JSON (content or event payload) as a tree, e.g. to hash it canonically. */
    public JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
