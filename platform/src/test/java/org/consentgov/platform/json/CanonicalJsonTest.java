package org.consentgov.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void keyOrderAndWhiteSpaceDoNotChangeTheHash() throws Exception {
        String a = CanonicalJson.sha256(json.readTree("{\"b\": 1, \"a\": {\"y\": [1, 2], \"x\": \"é\"}}"));
        String b = CanonicalJson.sha256(json.readTree("{\"a\":{\"x\":\"é\",\"y\":[1,2]},\"b\":1}"));
        assertThat(a).isEqualTo(b).hasSize(64);
        assertThat(CanonicalJson.of(json.readTree("{\"b\": 1, \"a\": 2}"))).isEqualTo("{\"a\":2,\"b\":1}");
    }

    @Test
    void anyChangeOfValueOrListOrderChangesTheHash() throws Exception {
        String base = CanonicalJson.sha256(json.readTree("{\"a\":[1,2]}"));
        assertThat(CanonicalJson.sha256(json.readTree("{\"a\":[2,1]}"))).isNotEqualTo(base);
        assertThat(CanonicalJson.sha256(json.readTree("{\"a\":[1,3]}"))).isNotEqualTo(base);
    }
}
