package org.consentgov.platform.events.fence;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * Classifies an address by its bytes alone (no lookup, no network). IPv6 addresses that carry an IPv4 address
 * — IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96} and 6to4
 * {@code 2002::/16} — are classified by the IPv4 address they carry, so that {@code ::ffff:127.0.0.1} is loopback.
 */
public final class AddressClassifier {

    private static final byte[] AWS_METADATA_V6 = {
        (byte) 0xfd, 0x00, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54
    };

    private AddressClassifier() {}

    public static AddressClass classify(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? ipv4(bytes) : ipv6(bytes);
    }

    static AddressClass ipv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        int a3 = b[3] & 0xff;
        if ((a0 == 169 && a1 == 254 && a2 == 169 && a3 == 254) || (a0 == 100 && a1 == 100 && a2 == 100 && a3 == 200)) {
            return AddressClass.METADATA;
        }
        if (a0 == 0) {
            return AddressClass.UNSPECIFIED;
        }
        if (a0 == 127) {
            return AddressClass.LOOPBACK;
        }
        if (a0 == 169 && a1 == 254) {
            return AddressClass.LINK_LOCAL;
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return AddressClass.PRIVATE;
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return AddressClass.CARRIER_GRADE_NAT;
        }
        if ((a0 & 0xf0) == 224) {
            return AddressClass.MULTICAST;
        }
        if ((a0 & 0xf0) == 240) {
            return AddressClass.RESERVED; // includes the broadcast address 255.255.255.255
        }
        return AddressClass.PUBLIC;
    }

    static AddressClass ipv6(byte[] b) {
        if (Arrays.equals(b, AWS_METADATA_V6)) {
            return AddressClass.METADATA;
        }
        if (zero(b, 0, 16)) {
            return AddressClass.UNSPECIFIED;
        }
        if (zero(b, 0, 15) && b[15] == 1) {
            return AddressClass.LOOPBACK;
        }
        // IPv4-mapped ::ffff:0:0/96
        if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return ipv4(Arrays.copyOfRange(b, 12, 16));
        }
        // IPv4-compatible ::/96 (deprecated, still accepted by some stacks)
        if (zero(b, 0, 12)) {
            return ipv4(Arrays.copyOfRange(b, 12, 16));
        }
        // NAT64 well-known prefix 64:ff9b::/96
        if ((b[0] & 0xff) == 0x00
                && (b[1] & 0xff) == 0x64
                && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b
                && zero(b, 4, 12)) {
            return ipv4(Arrays.copyOfRange(b, 12, 16));
        }
        // 6to4 2002::/16 carries an IPv4 address in bytes 2 to 5
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            AddressClass embedded = ipv4(Arrays.copyOfRange(b, 2, 6));
            if (!embedded.allowed()) {
                return embedded;
            }
        }
        int first = b[0] & 0xff;
        if (first == 0xff) {
            return AddressClass.MULTICAST;
        }
        if ((first & 0xfe) == 0xfc) {
            return AddressClass.UNIQUE_LOCAL;
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0x80) {
            return AddressClass.LINK_LOCAL;
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return AddressClass.PRIVATE; // site-local fec0::/10, deprecated
        }
        return AddressClass.PUBLIC;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
