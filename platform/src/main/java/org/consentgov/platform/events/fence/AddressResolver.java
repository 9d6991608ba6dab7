package org.consentgov.platform.events.fence;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves a target's host name to its addresses for the {@link TargetFence}. The service's bean is
 * {@link SystemAddressResolver}; a test installs its own (e.g. one that answers differently the second time,
 * as a DNS rebinding attacker would) without any lookup leaving the machine.
 */
public interface AddressResolver {

    /** Every address of the host; an IP literal answers itself. */
    InetAddress[] resolve(String host) throws UnknownHostException;
}
