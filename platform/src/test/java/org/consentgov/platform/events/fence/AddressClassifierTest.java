package org.consentgov.platform.events.fence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every refused address class, in IPv4 and IPv6 forms, from literals only: no lookup, no packet. */
class AddressClassifierTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        // unspecified
        "0.0.0.0, UNSPECIFIED",
        "0.1.2.3, UNSPECIFIED",
        "::, UNSPECIFIED",
        "0:0:0:0:0:0:0:0, UNSPECIFIED",
        // loopback
        "127.0.0.1, LOOPBACK",
        "127.255.255.254, LOOPBACK",
        "::1, LOOPBACK",
        "0:0:0:0:0:0:0:1, LOOPBACK",
        // link-local
        "169.254.0.1, LINK_LOCAL",
        "169.254.255.255, LINK_LOCAL",
        "fe80::1, LINK_LOCAL",
        "febf:ffff::1, LINK_LOCAL",
        // private
        "10.0.0.1, PRIVATE",
        "10.255.255.255, PRIVATE",
        "172.16.0.1, PRIVATE",
        "172.31.255.255, PRIVATE",
        "192.168.0.1, PRIVATE",
        "192.168.255.255, PRIVATE",
        "fec0::1, PRIVATE",
        // carrier-grade NAT
        "100.64.0.1, CARRIER_GRADE_NAT",
        "100.127.255.255, CARRIER_GRADE_NAT",
        // unique-local
        "fc00::1, UNIQUE_LOCAL",
        "fd12:3456:789a::1, UNIQUE_LOCAL",
        // multicast
        "224.0.0.1, MULTICAST",
        "239.255.255.255, MULTICAST",
        "ff02::1, MULTICAST",
        "ff0e::1, MULTICAST",
        // reserved and broadcast
        "240.0.0.1, RESERVED",
        "255.255.255.255, RESERVED",
        // cloud metadata
        "169.254.169.254, METADATA",
        "100.100.100.200, METADATA",
        "fd00:ec2::254, METADATA",
        // IPv6 forms that carry a refused IPv4 address
        "::ffff:127.0.0.1, LOOPBACK",
        "::ffff:169.254.169.254, METADATA",
        "::ffff:10.1.2.3, PRIVATE",
        "::127.0.0.1, LOOPBACK",
        "64:ff9b::a9fe:a9fe, METADATA",
        "64:ff9b::c0a8:101, PRIVATE",
        "2002:7f00:1::1, LOOPBACK",
        "2002:a9fe:a9fe::1, METADATA",
        // public, at the edges of the refused ranges
        "8.8.8.8, PUBLIC",
        "1.1.1.1, PUBLIC",
        "9.255.255.255, PUBLIC",
        "11.0.0.0, PUBLIC",
        "172.15.255.255, PUBLIC",
        "172.32.0.0, PUBLIC",
        "192.167.255.255, PUBLIC",
        "192.169.0.0, PUBLIC",
        "100.63.255.255, PUBLIC",
        "100.128.0.0, PUBLIC",
        "169.253.255.255, PUBLIC",
        "223.255.255.255, PUBLIC",
        "2001:4860:4860::8888, PUBLIC",
        "2606:4700:4700::1111, PUBLIC",
        "::ffff:8.8.8.8, PUBLIC",
        "64:ff9b::808:808, PUBLIC",
        "2002:808:808::1, PUBLIC",
        "fbff::1, PUBLIC",
        "fe00::1, PUBLIC"
    })
    void classifiesEveryFormOfEveryClass(String literal, AddressClass expected) throws UnknownHostException {
        assertThat(AddressClassifier.classify(literal(literal))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} kept as IPv6 is {1}")
    @CsvSource({"::ffff:127.0.0.1, LOOPBACK", "::ffff:169.254.169.254, METADATA", "::ffff:192.168.1.1, PRIVATE"})
    void anIpv4MappedAddressKeptAsIpv6IsClassifiedByItsIpv4Address(String literal, AddressClass expected)
            throws UnknownHostException {
        // InetAddress turns ::ffff:a.b.c.d into an Inet4Address; a resolver may hand over the IPv6 form itself
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(literal(literal).getAddress(), 0, mapped, 12, 4);
        InetAddress v6 = Inet6Address.getByAddress(null, mapped, -1);
        assertThat(v6).isInstanceOf(Inet6Address.class);
        assertThat(AddressClassifier.classify(v6)).isEqualTo(expected);
    }

    /** An address from a literal, never a lookup: the JVM parses literals without touching the network. */
    static InetAddress literal(String literal) throws UnknownHostException {
        if (!literal.contains(":") && !literal.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("not a literal: " + literal);
        }
        return InetAddress.getByName(literal);
    }
}
