package org.consentgov.agreement.notices;

/** notice-service's answer to "which version of the notice was in force then?", or that it gave none. */
public record NoticeAtTime(Status status, NoticeInForce notice) {

    public enum Status {
        IN_FORCE,
        NONE_IN_FORCE,
        UNAVAILABLE
    }

    public static final NoticeAtTime NONE = new NoticeAtTime(Status.NONE_IN_FORCE, null);
    public static final NoticeAtTime UNAVAILABLE = new NoticeAtTime(Status.UNAVAILABLE, null);
}
