package org.consentgov.agreement.events;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.consentgov.platform.testing.OfflineResolver;

/** The webhook fence resolves through {@link OfflineResolver} in every test: no lookup leaves the machine. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestAddressResolver extends OfflineResolver {}
