package org.consentgov.agreement.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Agreement content as stored: one JSON document per version. A stored document that cannot be read is a
 * defect, not a request error, so failures are {@link IllegalStateException}s.
 */
@ApplicationScoped
public class AgreementContentJson {

    private static final TypeReference<List<NoticeChange>> NOTICE_CHANGES = new TypeReference<>() {};

    private final ObjectMapper mapper;

    public AgreementContentJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

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
