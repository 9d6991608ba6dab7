package org.consentgov.consent.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.consentgov.consent.persistence.ImportJobs;
import org.consentgov.platform.security.Caller;
import org.consentgov.platform.security.Roles;

/** Reads bulk imports as the caller may see them: the DPO every import, anyone else their own. */
@ApplicationScoped
public class ConsentImportQueries {

    private final ImportJobs jobs;
    private final Caller caller;

    public ConsentImportQueries(ImportJobs jobs, Caller caller) {
        this.jobs = jobs;
        this.caller = caller;
    }

    /** The import, or empty when there is none or it is not the caller's to see. */
    public Optional<ImportJobs.Row> find(UUID id) {
        return jobs.find(id, owner());
    }

    /** Newest first; {@code state} null for every state. */
    public List<ImportJobs.Row> page(ImportState state, int page, int size) {
        return jobs.page(owner(), state, page, size);
    }

    public long count(ImportState state) {
        return jobs.count(owner(), state);
    }

    /** Whose imports the caller sees: null for all. */
    private String owner() {
        return caller.hasRole(Roles.DPO) ? null : caller.name();
    }
}
