package org.consentgov.platform.vocabulary;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.problem.ProblemKind;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The shared vocabulary, public: front-ends build their pick lists from it. */
@Path("/public/vocabulary")
@Tag(name = "Vocabulary", description = "The controlled vocabulary of data categories, lawful bases, purposes and more")
public class VocabularyResource {

    private final Vocabulary vocabulary;

    public VocabularyResource(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getVocabulary",
            summary = "Read the controlled vocabulary",
            description =
                    "Every code the services accept, with the special-category and criminal flags and the W3C DPV terms.")
    @APIResponse(
            responseCode = "200",
            description = "The vocabulary",
            content = @Content(schema = @Schema(implementation = VocabularyDocument.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    public Response get(Request request) {
        EntityTag tag = new EntityTag("vocabulary-" + vocabulary.version());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        if (notModified != null) {
            Response answer = notModified.cacheControl(cache).build();
            if (answer.getStatus() == Response.Status.PRECONDITION_FAILED.getStatusCode()) {
                throw new ProblemException(
                        ProblemKind.PRECONDITION_FAILED,
                        "stale-etag",
                        "If-Match names no version of the vocabulary; the current ETag is " + tag);
            }
            return answer;
        }
        return Response.ok(vocabulary.document()).tag(tag).cacheControl(cache).build();
    }
}
