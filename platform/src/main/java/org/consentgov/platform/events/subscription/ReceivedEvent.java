package org.consentgov.platform.events.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.consentgov.platform.problem.ErrorCode;

/**
 * One CloudEvent received from another service, as far as a reaction may read it: its id, type, subject and
 * data. Nothing else of the body reaches a reaction, so fields a sender adds are never assigned.
 */
public record ReceivedEvent(String id, String type, String subject, JsonNode data) {

    public ReceivedEvent {
        data = data == null ? MissingNode.getInstance() : data;
    }

    /** Reads the fields of a structured-JSON CloudEvent; id and type are null when missing or blank. */
    public static ReceivedEvent of(JsonNode event) {
        return new ReceivedEvent(text(event, "id"), text(event, "type"), text(event, "subject"), event.path("data"));
    }

    /** A text field of the data, or null when it is missing, null or blank. */
    public String dataText(String field) {
        return text(data, field);
    }

    /** An integer field of the data that is at least 1, or null. */
    public Integer dataPositiveInt(String field) {
        JsonNode v = data.path(field);
        return v.isIntegralNumber() && v.canConvertToInt() && v.asInt() >= 1 ? v.asInt() : null;
    }

    /** A text field of the data that the event cannot be acted on without: a 400 with the service's code. */
    public String requiredText(String field, ErrorCode invalidEvent) {
        String value = dataText(field);
        if (value == null) {
            throw invalidEvent.problem("A " + type + " event needs data." + field, "data." + field);
        }
        return value;
    }

    /** A positive integer field of the data that the event cannot be acted on without: a 400 with the service's code. */
    public int requiredPositiveInt(String field, ErrorCode invalidEvent) {
        Integer value = dataPositiveInt(field);
        if (value == null) {
            throw invalidEvent.problem(
                    "A " + type + " event needs data." + field + ", a whole number from 1", "data." + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank() ? null : v.asText();
    }
}
