package org.consentgov.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class StandardProblemResponsesTest {

    private static Operation securedOperation() {
        return OASFactory.createOperation()
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("jwt"))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("The record")));
    }

    private static Parameter parameter(String name, Parameter.In in) {
        return OASFactory.createParameter().name(name).in(in);
    }

    private static OpenAPI document(String path, Operation get) {
        OpenAPI openAPI = OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths()
                        .addPathItem(path, OASFactory.createPathItem().GET(get)));
        new StandardProblemResponses().filterOpenAPI(openAPI);
        return openAPI;
    }

    @Test
    void aSecuredApiOperationWithAPathParameterAndIfMatchGetsEveryStandardResponse() {
        Operation operation = securedOperation()
                .addParameter(parameter("id", Parameter.In.PATH))
                .addParameter(parameter("If-Match", Parameter.In.HEADER));
        document("/api/consents/{id}/invalidate", operation);

        assertThat(operation.getResponses().getAPIResponses())
                .containsOnlyKeys("200", "400", "401", "403", "404", "412", "428", "429", "500", "503");
        assertThat(description(operation, "400")).isEqualTo("Malformed request");
        assertThat(description(operation, "401")).isEqualTo("No valid bearer token");
        assertThat(description(operation, "403")).isEqualTo("The caller's role may not do this");
        assertThat(description(operation, "404")).isEqualTo("No such resource, or not yours");
        assertThat(description(operation, "412")).isEqualTo("Stale If-Match");
        assertThat(description(operation, "428")).isEqualTo("If-Match missing");
        assertThat(description(operation, "429"))
                .isEqualTo("Too many requests from this client (the gateway's rate limit)");
        assertThat(description(operation, "500"))
                .isEqualTo("Unexpected error; quote the problem's requestId when reporting it");
        assertThat(description(operation, "503"))
                .isEqualTo("The database or a service it needs cannot answer; see Retry-After");
        APIResponse tooMany = operation.getResponses().getAPIResponse("429");
        assertThat(tooMany.getContent()
                        .getMediaType("application/problem+json")
                        .getSchema()
                        .getRef())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(tooMany.getHeaders().get("Retry-After").getSchema().getMinimum())
                .isEqualTo(BigDecimal.ONE);
        assertThat(operation.getResponses().getAPIResponse("503").getHeaders()).containsKey("Retry-After");
        assertThat(operation.getResponses().getAPIResponse("500").getHeaders()).isNull();
    }

    @Test
    void whatAnOperationDeclaresIsNeverChanged() {
        APIResponse own = OASFactory.createAPIResponse().description("No such record");
        APIResponse ownForbidden = OASFactory.createAPIResponse().description("Not a signatory");
        Operation operation = securedOperation()
                .addParameter(parameter("id", Parameter.In.PATH))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("404", own)
                        .addAPIResponse("403", ownForbidden));
        document("/api/agreements/{id}", operation);

        assertThat(operation.getResponses().getAPIResponse("404")).isSameAs(own);
        assertThat(operation.getResponses().getAPIResponse("403")).isSameAs(ownForbidden);
        assertThat(description(operation, "404")).isEqualTo("No such record");
        assertThat(operation.getResponses().getAPIResponse("401")).isNotNull();
    }

    @Test
    void aPublicPageWithoutParametersMayOnlyBeRateLimitedOrFail() {
        Operation operation = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("The vocabulary")));
        document("/public/vocabulary", operation);

        assertThat(operation.getResponses().getAPIResponses()).containsOnlyKeys("200", "429", "500");
    }

    @Test
    void anOperationOutsideApiAndPublicGetsNothing() {
        Operation operation = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("Ready")));
        document("/q/health/ready", operation);

        assertThat(operation.getResponses().getAPIResponses()).containsOnlyKeys("200");
    }

    @Test
    void aPublicOperationWithAQueryParameterMayBeMalformedButNeedsNoToken() {
        Operation operation = OASFactory.createOperation().addParameter(parameter("lang", Parameter.In.QUERY));
        document("/public/notices/{slug}", operation);

        assertThat(operation.getResponses().getAPIResponses()).containsOnlyKeys("400", "404", "429", "500");
    }

    @Test
    void aBodyAloneMakesAnOperationMalformable() {
        Operation operation = securedOperation().requestBody(OASFactory.createRequestBody());
        document("/api/notices", operation);

        assertThat(operation.getResponses().getAPIResponses())
                .containsOnlyKeys("200", "400", "401", "403", "429", "500", "503");
    }

    @Test
    void pathItemParametersCountAsTheOperationsOwn() {
        Operation operation = securedOperation();
        OpenAPI openAPI = OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths()
                        .addPathItem(
                                "/api/consents/{id}",
                                OASFactory.createPathItem()
                                        .addParameter(parameter("If-Match", Parameter.In.HEADER))
                                        .PUT(operation)));
        new StandardProblemResponses().filterOpenAPI(openAPI);

        assertThat(operation.getResponses().getAPIResponses()).containsKeys("400", "412", "428");
    }

    @Test
    void anotherSecuritySchemeIsNotTheBearerToken() {
        Operation operation = OASFactory.createOperation()
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("webhookSignature"));
        document("/api/notice-events", operation);

        assertThat(operation.getResponses().getAPIResponses()).doesNotContainKeys("401", "403");
    }

    private static String description(Operation operation, String status) {
        return operation.getResponses().getAPIResponse(status).getDescription();
    }

    @Test
    void anErrorResponseDeclaredWithoutContentIsAProblemAndASuccessIsLeftAlone() {
        APIResponse conflict = OASFactory.createAPIResponse().description("Already invalidated");
        APIResponse ok = OASFactory.createAPIResponse().description("Invalidated");
        Operation operation = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", ok)
                        .addAPIResponse("409", conflict));
        document("/public/things", operation);

        assertThat(conflict.getDescription()).isEqualTo("Already invalidated");
        assertThat(conflict.getContent()
                        .getMediaType(Problem.MEDIA_TYPE)
                        .getSchema()
                        .getRef())
                .isEqualTo(StandardProblemResponses.PROBLEM_SCHEMA);
        assertThat(ok.getContent()).isNull();
    }
}
