package org.consentgov.platform.events.fence;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The JVM's resolver ({@link InetAddress#getAllByName}), the one the HTTP client uses too: within the JVM's
 * address cache (networkaddress.cache.ttl, 30 seconds by default) both see the same answer.
 */
@ApplicationScoped
public class SystemAddressResolver implements AddressResolver {

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}
