package org.consentgov.notice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ContentHasherTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void keyOrderAndWhiteSpaceDoNotChangeTheHash() throws Exception {
        String a = ContentHasher.sha256(json.readTree("{\"b\": 1, \"a\": {\"y\": [1, 2], \"x\": \"é\"}}"));
        String b = ContentHasher.sha256(json.readTree("{\"a\":{\"x\":\"é\",\"y\":[1,2]},\"b\":1}"));
        assertThat(a).isEqualTo(b).hasSize(64);
        assertThat(ContentHasher.canonicalJson(json.readTree("{\"b\": 1, \"a\": 2}"))).isEqualTo("{\"a\":2,\"b\":1}");
    }

    @Test
    void anyChangeOfValueOrListOrderChangesTheHash() throws Exception {
        String base = ContentHasher.sha256(json.readTree("{\"a\":[1,2]}"));
        assertThat(ContentHasher.sha256(json.readTree("{\"a\":[2,1]}"))).isNotEqualTo(base);
        assertThat(ContentHasher.sha256(json.readTree("{\"a\":[1,3]}"))).isNotEqualTo(base);
    }
}
