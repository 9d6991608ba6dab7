package org.consentgov.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoredEventTest {

    @Test
    void anEventIsAStructuredCloudEventWithJsonDataAndItsPosition() throws Exception {
        UUID id = UUID.randomUUID();
        StoredEvent event = new StoredEvent(
                id,
                42,
                "notice",
                "what-it-means-to-me",
                "org.consentgov.notice.published",
                Instant.parse("2024-05-01T10:15:30.123456Z"),
                "{\"slug\":\"what-it-means-to-me\",\"version\":2}");
        JsonNode json = new ObjectMapper().readTree(event.toJson("/notice-service"));
        assertThat(json.path("specversion").asText()).isEqualTo("1.0");
        assertThat(json.path("id").asText()).isEqualTo(id.toString());
        assertThat(json.path("source").asText()).isEqualTo("/notice-service");
        assertThat(json.path("type").asText()).isEqualTo("org.consentgov.notice.published");
        assertThat(json.path("subject").asText()).isEqualTo("what-it-means-to-me");
        assertThat(Instant.parse(json.path("time").asText())).isEqualTo(Instant.parse("2024-05-01T10:15:30.123456Z"));
        assertThat(json.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(json.path("data").path("version").asInt())
                .as("data is JSON, not base64")
                .isEqualTo(2);
        assertThat(json.path("position").asLong()).isEqualTo(42);
        assertThat(json.path("position").isNumber()).isTrue();
    }
}
