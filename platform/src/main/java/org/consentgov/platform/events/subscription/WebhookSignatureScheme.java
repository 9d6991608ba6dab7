package org.consentgov.platform.events.subscription;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.consentgov.platform.events.WebhookSignature;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Declares the {@code webhookSignature} security scheme in the documents of the services that have an
 * {@link EventReceiverResource}, and only in those (an annotation on the abstract resource would be in every
 * document or in none).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class WebhookSignatureScheme implements OASFilter {

    public static final String NAME = "webhookSignature";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean used = openAPI.getPaths().getPathItems().values().stream()
                .filter(item -> item.getOperations() != null)
                .flatMap(item -> item.getOperations().values().stream())
                .map(Operation::getSecurity)
                .filter(Objects::nonNull)
                .flatMap(List::stream)
                .map(requirement -> requirement.getSchemes())
                .filter(Objects::nonNull)
                .map(Map::keySet)
                .anyMatch(names -> names.contains(NAME));
        if (!used) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addSecurityScheme(
                        NAME,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER)
                                .name(WebhookSignature.SIGNATURE_HEADER)
                                .description("HMAC-SHA256 with the subscription's shared secret over "
                                        + "<Webhook-Id>.<Webhook-Timestamp>.<body>, sent as v1=<base64>; the timestamp "
                                        + "must be within 5 minutes (platform/WEBHOOKS.md)"));
    }
}
