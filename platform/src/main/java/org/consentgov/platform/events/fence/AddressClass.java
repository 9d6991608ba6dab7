package org.consentgov.platform.events.fence;

/**
 * What an IP address is, as far as the webhook fence cares: {@link #PUBLIC} is the only class a delivery may go
 * to; every other class is refused unless the target's host is on the allow-list (platform/WEBHOOKS.md).
 */
public enum AddressClass {
    PUBLIC("a public address"),
    /** 0.0.0.0/8 and {@code ::}. */
    UNSPECIFIED("an unspecified address"),
    /** 127.0.0.0/8 and {@code ::1}. */
    LOOPBACK("a loopback address"),
    /** 169.254.0.0/16 and fe80::/10. */
    LINK_LOCAL("a link-local address"),
    /** 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 and the deprecated IPv6 site-local fec0::/10. */
    PRIVATE("a private address"),
    /** 100.64.0.0/10. */
    CARRIER_GRADE_NAT("a carrier-grade NAT address"),
    /** fc00::/7. */
    UNIQUE_LOCAL("a unique-local address"),
    /** 224.0.0.0/4 and ff00::/8. */
    MULTICAST("a multicast address"),
    /** 240.0.0.0/4 and the broadcast address 255.255.255.255. */
    RESERVED("a reserved address"),
    /** A cloud instance metadata endpoint: 169.254.169.254, 100.100.100.200, fd00:ec2::254. */
    METADATA("a cloud metadata address");

    private final String description;

    AddressClass(String description) {
        this.description = description;
    }

    /** For problem details and the delivery log, e.g. {@code a link-local address}. */
    public String description() {
        return description;
    }

    /** Whether a delivery may go to an address of this class when its host is not allow-listed. */
    public boolean allowed() {
        return this == PUBLIC;
    }
}
