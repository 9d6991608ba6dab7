package org.consentgov.gateway.problem;

/** Names of the values the gateway keeps on a RoutingContext. */
public final class RequestContextKeys {

    public static final String REQUEST_ID = "consentgov.requestId";
    public static final String TRACEPARENT = "consentgov.traceparent";

    private RequestContextKeys() {}
}
