package org.consentgov.platform.archfixture.clean.persistence;

import org.consentgov.platform.archfixture.clean.domain.ThingState;

public class ThingRepository {

    public ThingState state = ThingState.ACTIVE;

    public String find(String id) {
        return id;
    }
}
