package org.consentgov.platform.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid field of a request: a JSON path such as {@code content.purposes[2].code}. */
@Schema(name = "FieldError", description = "One invalid field of the request")
public record FieldError(
        @Schema(
                description = "Path of the field in the request body or the name of the parameter",
                examples = "content.dataCategories[3]")
        String field,

        @Schema(description = "What is wrong with it", examples = "unknown data category code")
        String message) {}
