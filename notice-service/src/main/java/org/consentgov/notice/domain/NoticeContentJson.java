package org.consentgov.notice.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** A version's content as stored (JSON text), read back as a record or as a tree for hashing and diffs. */
@ApplicationScoped
public class NoticeContentJson {

    private final ObjectMapper mapper;

    public NoticeContentJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public NoticeContent read(String json) {
        try {
            return mapper.readValue(json, NoticeContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored notice content is unreadable", e);
        }
    }

    public JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored notice content is unreadable", e);
        }
    }

    public String write(NoticeContent content) {
        try {
            return mapper.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notice content cannot be serialised", e);
        }
    }

    /** The title in the default locale, or in any locale when the default has none. */
    public static String title(NoticeContent content) {
        NoticeContent.LocalisedText text = content.locales().get(content.defaultLocale());
        return text != null
                ? text.title()
                : content.locales().values().iterator().next().title();
    }
}
