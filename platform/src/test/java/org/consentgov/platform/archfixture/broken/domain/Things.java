package org.consentgov.platform.archfixture.broken.domain;

import org.consentgov.platform.archfixture.broken.api.ThingResource.ThingView;
import org.consentgov.platform.archfixture.broken.persistence.ThingRepository;
import org.consentgov.platform.archfixture.otherservice.OtherServiceType;

public class Things {

    private final ThingRepository repository;

    public Things(ThingRepository repository) {
        this.repository = repository;
    }

    /** A domain class building an API view, and using another service's type. */
    public ThingView get(String id) {
        return new ThingView(new OtherServiceType(repository.find(id)).value());
    }

    public static String normalise(String id) {
        return id.trim();
    }
}
