package org.consentgov.platform.archfixture.broken.api;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.consentgov.platform.archfixture.broken.persistence.ThingRepository;

@Path("/things")
public class ThingResource {

    private final ThingRepository repository;
    private final EntityManager entityManager;

    public ThingResource(ThingRepository repository, EntityManager entityManager) {
        this.repository = repository;
        this.entityManager = entityManager;
    }

    /** A resource reading through a repository and the EntityManager instead of a domain use case. */
    @GET
    public ThingView get() {
        entityManager.clear();
        return new ThingView(repository.find("1"));
    }

    public record ThingView(String id) {}
}
