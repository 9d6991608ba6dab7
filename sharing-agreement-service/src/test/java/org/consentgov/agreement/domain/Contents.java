package org.consentgov.agreement.domain;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.consentgov.agreement.notices.PublishedNotice;

/** Agreement content and notices for the rule tests: the two seed agreements, changed one field at a time. */
final class Contents {

    static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    static final String RESEARCH = "demo/agreements/what-it-means-to-me-research.json";
    static final String EYES = "demo/agreements/eyes-luton-schools.json";

    private Contents() {}

    static AgreementContent research() {
        return seed(RESEARCH, c -> {});
    }

    static AgreementContent eyes() {
        return seed(EYES, c -> {});
    }

    /** A seed agreement's content with a change applied to its JSON form. */
    @SuppressWarnings("unchecked")
    static AgreementContent seed(String file, Consumer<Map<String, Object>> change) {
        Map<String, Object> demo = read(file, Map.class);
        Map<String, Object> content = new LinkedHashMap<>((Map<String, Object>) demo.get("content"));
        change.accept(content);
        return JSON.convertValue(content, AgreementContent.class);
    }

    static PublishedNotice notice(String slug) {
        return read("notices/" + slug + ".json", PublishedNotice.class);
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @SafeVarargs
    static <T> List<T> list(T... items) {
        return new ArrayList<>(List.of(items));
    }

    private static <T> T read(String resource, Class<T> type) {
        try (InputStream in = Contents.class.getClassLoader().getResourceAsStream(resource)) {
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
