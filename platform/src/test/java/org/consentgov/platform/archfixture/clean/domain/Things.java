package org.consentgov.platform.archfixture.clean.domain;

import org.consentgov.platform.archfixture.clean.persistence.ThingRepository;

public class Things {

    private final ThingRepository repository;

    public Things(ThingRepository repository) {
        this.repository = repository;
    }

    public Thing get(String id) {
        return new Thing(repository.find(id));
    }

    public record Thing(String id) {}
}
