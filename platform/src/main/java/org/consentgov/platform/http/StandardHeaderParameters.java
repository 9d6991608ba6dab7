package org.consentgov.platform.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Completes the two header parameters the platform defines, so that a resource declares only their name and its
 * own description: {@code Idempotency-Key} ({@code IdempotentExecutor}: 1 to 255 visible ASCII characters) and
 * {@code If-Match} ({@code ETags}: a strong ETag such as {@code "3"}). A parameter whose schema sets no
 * {@code maxLength} gets the standard schema, and an example if it has none; one that declares its own limits (an
 * import's shorter key, for instance) is left as it is. An {@code Idempotency-Key} without a description of its own
 * gets the usual one.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class StandardHeaderParameters implements OASFilter {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IF_MATCH = "If-Match";
    static final String IDEMPOTENCY_KEY_DESCRIPTION =
            "Makes a retry return the first response instead of creating again";

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getIn() != Parameter.In.HEADER || parameter.getName() == null) {
            return parameter;
        }
        if (parameter.getName().equalsIgnoreCase(IDEMPOTENCY_KEY)) {
            if (parameter.getDescription() == null) {
                parameter.setDescription(IDEMPOTENCY_KEY_DESCRIPTION);
            }
            complete(parameter, 255, "[\\x21-\\x7E]{1,255}", "6f1c2b9e-0d4a-4c1e-9b7f-5a3e2d1c0b9a");
        } else if (parameter.getName().equalsIgnoreCase(IF_MATCH)) {
            complete(parameter, 22, "\"[0-9]{1,20}\"", "\"3\"");
        }
        return parameter;
    }

    private static void complete(Parameter parameter, int maxLength, String pattern, String example) {
        if (parameter.getSchema() != null && parameter.getSchema().getMaxLength() != null) {
            return;
        }
        parameter.setSchema(OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING)
                .maxLength(maxLength)
                .pattern(pattern));
        if (parameter.getExample() == null) {
            parameter.setExample(example);
        }
    }
}
