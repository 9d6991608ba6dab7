package org.consentgov.platform.events.subscription;

import java.util.ArrayList;
import java.util.List;
import org.consentgov.platform.problem.ErrorCode;

/**
 * notice-service's {@code org.consentgov.notice.material-change} event as the services that follow notices read it:
 * the notice, the version that changed it materially, the version before it and the reasons.
 */
public record NoticeMaterialChange(String slug, int version, Integer previousVersion, List<String> reasons) {

    public static final String TYPE = "org.consentgov.notice.material-change";

    public NoticeMaterialChange {
        reasons = List.copyOf(reasons);
    }

    /** Whether the event is a material change. */
    public static boolean is(ReceivedEvent event) {
        return TYPE.equals(event.type());
    }

    /** Refuses, with the service's code, a material change without its notice slug and version; others pass. */
    public static void check(ReceivedEvent event, ErrorCode invalidEvent) {
        if (is(event)) {
            event.requiredText("slug", invalidEvent);
            event.requiredPositiveInt("version", invalidEvent);
        }
    }

    /** The change an event checked by {@link #check} carries. */
    public static NoticeMaterialChange of(ReceivedEvent event) {
        List<String> reasons = new ArrayList<>();
        event.data().path("reasons").forEach(r -> reasons.add(r.asText()));
        return new NoticeMaterialChange(
                event.dataText("slug"),
                event.dataPositiveInt("version"),
                event.dataPositiveInt("previousVersion"),
                reasons);
    }
}
