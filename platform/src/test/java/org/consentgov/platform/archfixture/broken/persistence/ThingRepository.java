package org.consentgov.platform.archfixture.broken.persistence;

import org.consentgov.platform.archfixture.broken.domain.Things;

public class ThingRepository {

    /** Persistence calling back into the domain closes a cycle domain → persistence → domain. */
    public String find(String id) {
        return Things.normalise(id);
    }
}
