package org.consentgov.consent.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.consentgov.consent.ConsentErrors;
import org.consentgov.consent.config.ConsentConfig;
import org.consentgov.platform.problem.Problem;

/**
 * Request body limits per route. Quarkus has one limit for every route ({@code quarkus.http.limits.max-body-size}),
 * which is set to the streamed import's ({@code consent.import.max-body-size}); this filter, run right after
 * Quarkus's own check, holds every other route to {@code consent.http.max-body-size}: a declared Content-Length
 * over it is answered 413 before the body is read, and a chunked body is cut off by Quarkus REST at that size.
 * Only {@code POST /api/consents/imports} reads its body as a stream; the others read theirs whole.
 */
@ApplicationScoped
public class BodyLimits {

    static final String IMPORTS = "/api/consents/imports";
    /** Where Quarkus REST reads the limit of a body it streams. */
    private static final String REQUEST_LIMIT = "io.quarkus.max-request-size";

    private final long limit;

    public BodyLimits(ConsentConfig config) {
        this.limit = config.http().maxBodySize().asLongValue();
    }

    void install(@Observes Router router) {
        // Quarkus's global check runs at order -2 (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT)
        router.route().order(-1).handler(this::check);
    }

    void check(RoutingContext rc) {
        if (rc.request().method() == HttpMethod.POST && IMPORTS.equals(rc.normalizedPath())) {
            rc.next();
            return;
        }
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            declared = -1;
        }
        if (declared > limit) {
            rc.response()
                    .setStatusCode(ConsentErrors.CONTENT_TOO_LARGE.kind().status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(tooLargeBody(limit));
            return;
        }
        rc.put(REQUEST_LIMIT, limit);
        rc.next();
    }

    /** Written before any JAX-RS code runs, so not by the service's problem mapping: the same body, by hand. */
    static String tooLargeBody(long limit) {
        ConsentErrors error = ConsentErrors.CONTENT_TOO_LARGE;
        return "{\"type\":\"" + Problem.TYPE_BASE + error.code() + "\",\"title\":\""
                + error.kind().title()
                + "\",\"status\":" + error.kind().status() + ",\"detail\":\"A request body may have at most "
                + limit + " bytes here\",\"code\":\"" + error.code() + "\",\"maxBodyBytes\":" + limit + "}";
    }
}
