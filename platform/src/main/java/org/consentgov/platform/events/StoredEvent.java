package org.consentgov.platform.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.data.BytesCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One row of the outbox, and its one representation on the wire: a CloudEvents 1.0 event in structured JSON
 * mode, the same bytes for a webhook body and a change-feed item. {@code subject} is the aggregate (notice
 * slug, consent record id); the {@code position} extension is the change-feed cursor and orders events. It is
 * a CloudEvents Integer (32 bits; the SDK would write a long as a string): 2^31 events per service is beyond
 * any foreseeable use.
 */
public record StoredEvent(
        UUID id,
        long position,
        String aggregateType,
        String aggregateId,
        String type,
        Instant occurredAt,
        String data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";
    public static final String POSITION_EXTENSION = "position";

    private static final JsonFormat JSON = new JsonFormat();

    public CloudEvent toCloudEvent(String source) {
        return CloudEventBuilder.v1()
                .withId(id.toString())
                .withSource(URI.create(source))
                .withType(type)
                .withSubject(aggregateId)
                .withTime(occurredAt.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(BytesCloudEventData.wrap(data.getBytes(StandardCharsets.UTF_8)))
                .withExtension(POSITION_EXTENSION, Math.toIntExact(position))
                .build();
    }

    /** The structured-mode JSON of the event ({@value #CONTENT_TYPE}). */
    public byte[] toJson(String source) {
        return JSON.serialize(toCloudEvent(source));
    }
}
