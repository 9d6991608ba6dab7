package org.consentgov.platform.events.subscription;

import org.consentgov.platform.problem.ErrorCode;

/**
 * What a service does with the events of one subscription: the service's own code, run by {@link EventInbox}
 * once per event id.
 */
public interface EventReaction {

    /**
     * The service's table of processed event ids, in its own schema: {@code event_id} (primary key),
     * {@code type}, {@code subject}, {@code processed_at}, {@code records_flagged}.
     */
    String processedEventsTable();

    /** The service's error code for a body that is not a usable event (400). */
    ErrorCode invalidEvent();

    /**
     * Refuses, with {@link #invalidEvent()}, an event whose data it could not act on; runs before the id is
     * claimed, so a refused event changes nothing and may be delivered again once corrected. By default every
     * event is accepted.
     */
    default void check(ReceivedEvent event) {}

    /**
     * Acts on a new event, in the inbox's transaction after its id was claimed, and returns how many of the
     * service's records it changed (0 for a type it ignores).
     */
    int apply(ReceivedEvent event);
}
