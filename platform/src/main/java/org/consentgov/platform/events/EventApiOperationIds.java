package org.consentgov.platform.events;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Gives the shared event operations a service-specific id: {@code createWebhookSubscription} under
 * {@code /api/notices/...} becomes {@code createNoticeWebhookSubscription}, so that the gateway's merged
 * document keeps operation ids unique across services (two services receive notice events:
 * {@code receiveConsentNoticeEvent}, {@code receiveAgreementNoticeEvent}).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class EventApiOperationIds implements OASFilter {

    static final Set<String> SHARED = Set.of(
            "createWebhookSubscription",
            "listWebhookSubscriptions",
            "getWebhookSubscription",
            "deactivateWebhookSubscription",
            "listWebhookDeliveries",
            "redeliverWebhookDelivery",
            "rotateWebhookSecret",
            "listChanges",
            "receiveNoticeEvent");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            String noun = noun(path);
            if (noun == null || item.getOperations() == null) {
                return;
            }
            item.getOperations().values().forEach(operation -> rename(operation, noun));
        });
    }

    private static void rename(Operation operation, String noun) {
        String id = operation.getOperationId();
        if (id == null || !SHARED.contains(id)) {
            return;
        }
        int verbEnd = 0;
        while (verbEnd < id.length() && Character.isLowerCase(id.charAt(verbEnd))) {
            verbEnd++;
        }
        operation.setOperationId(id.substring(0, verbEnd) + noun + id.substring(verbEnd));
    }

    /** {@code /api/notices/subscriptions} → {@code Notice}; null outside {@code /api/}. */
    static String noun(String path) {
        String[] segments = path.split("/");
        if (segments.length < 3 || !segments[1].equals("api") || segments[2].isEmpty()) {
            return null;
        }
        String segment = segments[2].endsWith("s") ? segments[2].substring(0, segments[2].length() - 1) : segments[2];
        StringBuilder noun = new StringBuilder();
        for (String word : segment.split("-")) {
            if (!word.isEmpty()) {
                noun.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        return noun.toString();
    }
}
