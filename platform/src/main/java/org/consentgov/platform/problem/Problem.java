package org.consentgov.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body ({@code application/problem+json}). */
@Schema(name = "Problem", description = "RFC 9457 problem details", examples = """
        {"type": "https://consentgov.org/problems/not-found", "title": "Not found", "status": 404,
         "detail": "notice 'unknown' does not exist", "instance": "/api/notices/unknown", "code": "not-found",
         "requestId": "7f3c9a2e-5b1d-4e8f-9c6a-2d4b8e1f0a37"}""")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "code", "requestId", "errors"})
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Stable prefix of every problem type URI; the suffix is the problem's code. */
    public static final String TYPE_BASE = "https://consentgov.org/problems/";

    private final String type;
    private final String title;
    private final int status;
    private final String detail;
    private final String instance;
    private final String code;
    private final String requestId;
    private final List<FieldError> errors;

    @Schema(hidden = true)
    private final Map<String, Object> extensions;

    public Problem(
            int status,
            String title,
            String code,
            String detail,
            String instance,
            String requestId,
            List<FieldError> errors,
            Map<String, Object> extensions) {
        this.type = TYPE_BASE + code;
        this.title = title;
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.instance = instance;
        this.requestId = requestId;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    @Schema(
            description = "Stable URI naming the kind of problem",
            examples = "https://consentgov.org/problems/not-found")
    public String getType() {
        return type;
    }

    @Schema(examples = "Not found")
    public String getTitle() {
        return title;
    }

    @Schema(examples = "404")
    public int getStatus() {
        return status;
    }

    @Schema(description = "Human-readable explanation of this occurrence", examples = "notice 'unknown' does not exist")
    public String getDetail() {
        return detail;
    }

    @Schema(description = "Path of the request that failed", examples = "/api/notices/unknown")
    public String getInstance() {
        return instance;
    }

    @Schema(description = "Stable machine-readable code, the last segment of type", examples = "not-found")
    public String getCode() {
        return code;
    }

    @Schema(
            description = "Request id, also in the X-Request-Id response header and the logs",
            examples = "7f3c9a2e-5b1d-4e8f-9c6a-2d4b8e1f0a37")
    public String getRequestId() {
        return requestId;
    }

    @Schema(description = "Each invalid field, for validation problems")
    public List<FieldError> getErrors() {
        return errors;
    }

    @JsonAnyGetter
    @Schema(hidden = true)
    public Map<String, Object> getExtensions() {
        return extensions;
    }
}
