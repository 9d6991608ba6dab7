package org.consentgov.platform.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void addressesAndRangesPass() {
        TrustedProxies.assertAddressesOnly(List.of("127.0.0.1", "127.0.0.1/32", "::1/128", "10.0.0.0/8"));
    }

    @Test
    void aBareIpv6LoopbackIsAHostNameToQuarkus() {
        assertThrows(AssertionError.class, () -> TrustedProxies.assertAddressesOnly(List.of("127.0.0.1", "::1")));
    }

    @Test
    void aHostNameFails() {
        assertThrows(AssertionError.class, () -> TrustedProxies.assertAddressesOnly(List.of("gateway")));
    }
}
