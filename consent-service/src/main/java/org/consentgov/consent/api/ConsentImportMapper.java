package org.consentgov.consent.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.consentgov.consent.api.ConsentBulkViews.ImportError;
import org.consentgov.consent.api.ConsentBulkViews.ImportJobView;
import org.consentgov.consent.persistence.ImportJobs;

/** Builds the API's view of a bulk import from its stored row. */
@ApplicationScoped
public class ConsentImportMapper {

    private static final TypeReference<List<Map<String, Object>>> ERRORS = new TypeReference<>() {};

    private final ObjectMapper mapper;

    public ConsentImportMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The import; its refused lines only {@code withErrors} (lists leave them out). */
    public ImportJobView view(ImportJobs.Row r, boolean withErrors) {
        List<ImportError> errors = null;
        if (withErrors) {
            try {
                errors = mapper.readValue(r.errors(), ERRORS).stream()
                        .map(e -> new ImportError(((Number) e.get("line")).longValue(), e.get("problem")))
                        .toList();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored import errors unreadable", e);
            }
        }
        return new ImportJobView(
                r.id(),
                r.state().name(),
                r.idempotencyKey(),
                r.createdBy(),
                r.linesRead(),
                r.created() + r.replayed(),
                r.created(),
                r.replayed(),
                r.rejected(),
                errors,
                r.failure(),
                r.startedAt(),
                r.updatedAt(),
                r.finishedAt());
    }
}
