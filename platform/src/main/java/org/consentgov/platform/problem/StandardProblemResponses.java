package org.consentgov.platform.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds to every operation of a service's OpenAPI document the problem responses that follow from the platform
 * alone, so that a resource declares only the ones its own rules produce. Only ever adds: a status an operation
 * already declares keeps its own description. What applies where:
 *
 * <ul>
 *   <li>401 and 403: operations with a {@code jwt} security requirement (the token and {@code @RolesAllowed});
 *   <li>429 (the gateway's rate limit, with {@code Retry-After}) and 500: every operation under {@code /api} and
 *       {@code /public};
 *   <li>503 (ProblemMappers' {@code database-unavailable}, with {@code Retry-After}): every operation under
 *       {@code /api};
 *   <li>412 and 428: operations with an {@code If-Match} header parameter ({@code ETags});
 *   <li>400: operations with a parameter or a body ({@code StrictInput} and bean validation);
 *   <li>404: operations whose path has a path parameter.
 * </ul>
 *
 * <p>Every error response (4xx, 5xx) a resource declares without content gets the problem content, so that a
 * resource writes only the status and its own description: every error of the suite is a problem.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class StandardProblemResponses implements OASFilter {

    static final String SECURITY_SCHEME = "jwt";
    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach(this::addTo);
    }

    private void addTo(String path, PathItem item) {
        for (Operation operation : item.getOperations().values()) {
            List<Parameter> parameters = new ArrayList<>();
            if (item.getParameters() != null) {
                parameters.addAll(item.getParameters());
            }
            if (operation.getParameters() != null) {
                parameters.addAll(operation.getParameters());
            }
            addTo(path, operation, parameters);
        }
    }

    private static void addTo(String path, Operation operation, List<Parameter> parameters) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((status, response) -> {
                if (isError(status) && response.getRef() == null && response.getContent() == null) {
                    response.setContent(problemContent());
                }
            });
        }
        boolean api = path.equals("/api") || path.startsWith("/api/");
        boolean publicPage = path.equals("/public") || path.startsWith("/public/");
        if (!parameters.isEmpty() || operation.getRequestBody() != null) {
            addIfAbsent(responses, "400", problem("Malformed request"));
        }
        if (securedByToken(operation)) {
            addIfAbsent(responses, "401", problem("No valid bearer token"));
            addIfAbsent(responses, "403", problem("The caller's role may not do this"));
        }
        if (path.contains("{")) {
            addIfAbsent(responses, "404", problem("No such resource, or not yours"));
        }
        if (parameters.stream().anyMatch(StandardProblemResponses::isIfMatch)) {
            addIfAbsent(responses, "412", problem("Stale If-Match"));
            addIfAbsent(responses, "428", problem("If-Match missing"));
        }
        if (api || publicPage) {
            addIfAbsent(
                    responses,
                    "429",
                    problem("Too many requests from this client (the gateway's rate limit)")
                            .addHeader("Retry-After", retryAfter()));
            addIfAbsent(responses, "500", problem("Unexpected error; quote the problem's requestId when reporting it"));
        }
        if (api) {
            addIfAbsent(
                    responses,
                    "503",
                    problem("The database or a service it needs cannot answer; see Retry-After")
                            .addHeader("Retry-After", retryAfter()));
        }
    }

    private static boolean securedByToken(Operation operation) {
        return operation.getSecurity() != null
                && operation.getSecurity().stream()
                        .anyMatch(requirement -> requirement.getSchemes() != null
                                && requirement.getSchemes().containsKey(SECURITY_SCHEME));
    }

    private static boolean isIfMatch(Parameter parameter) {
        return parameter.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(parameter.getName());
    }

    private static void addIfAbsent(APIResponses responses, String status, APIResponse response) {
        Map<String, APIResponse> declared = responses.getAPIResponses();
        if (declared == null || !declared.containsKey(status)) {
            responses.addAPIResponse(status, response);
        }
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent());
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }

    private static Header retryAfter() {
        return OASFactory.createHeader()
                .description("Seconds to wait before trying again")
                .schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.INTEGER)
                        .format("int32")
                        .minimum(BigDecimal.ONE));
    }
}
