package org.consentgov.platform.idempotency;

import jakarta.ws.rs.core.Response;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an {@code idempotency_key} row keeps of a response to replay it: the status, the headers a replay must
 * repeat ({@code Location}, {@code ETag}, {@code Content-Type}, in that order) and the entity, written as JSON
 * when stored.
 */
public record StoredResponse(int status, Map<String, String> headers, Object body) {

    public StoredResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A {@code 201 Created} JSON response with {@code body}, as a creating POST without Location answers. */
    public static StoredResponse createdJson(Object body) {
        return new StoredResponse(201, Map.of("Content-Type", "application/json"), body);
    }

    static StoredResponse of(Response response) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (response.getLocation() != null) {
            headers.put("Location", response.getLocation().toString());
        }
        if (response.getEntityTag() != null) {
            headers.put("ETag", response.getEntityTag().toString());
        }
        if (response.getMediaType() != null) {
            headers.put("Content-Type", response.getMediaType().toString());
        }
        return new StoredResponse(response.getStatus(), headers, response.getEntity());
    }
}
