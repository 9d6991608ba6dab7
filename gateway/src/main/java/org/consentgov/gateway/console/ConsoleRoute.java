package org.consentgov.gateway.console;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.function.Consumer;
import org.consentgov.gateway.config.GatewayConfig;
import org.consentgov.gateway.problem.Problems;
import org.jboss.logging.Logger;

/**
 * Serves the governance console at {@code /console/}: its built files ({@link ConsoleFiles}), its page for every
 * route of the app (SPA fallback), and {@code config.json} from the gateway's own configuration. No token is
 * needed: the page holds nothing until the user signs in, and every call it makes goes to {@code /api}, which
 * needs one. The console's Content-Security-Policy and the other security headers are set by
 * {@code routing/SecurityHeaders} on every request; this class sets the caching of each answer.
 */
@ApplicationScoped
public class ConsoleRoute {

    static final String NOT_BUILT = "The console was not built: Node.js 20+ and npm were not on the PATH when the"
            + " gateway was built (the console module is skipped without them). Install them and build again, or"
            + " set GATEWAY_CONSOLE_DIR to a folder holding a built console.";
    static final String PAGE_CACHE = "no-cache";
    static final String ASSET_CACHE = "public, max-age=31536000, immutable";

    private static final Logger LOG = Logger.getLogger(ConsoleRoute.class);

    private final ConsoleFiles files;
    private final ConsoleClient client;

    public ConsoleRoute(GatewayConfig config) {
        String realm = config.console().realmUrl();
        this.files = ConsoleFiles.locate(
                config.console().dir(), Thread.currentThread().getContextClassLoader());
        this.client = ConsoleClient.of(realm, config.console().clientId());
        if (files.built()) {
            LOG.infof("console served at /console/ from %s", files.describe());
        } else {
            LOG.infof("no console at /console/: none built in %s", files.describe());
        }
    }

    void install(@Observes Router router) {
        router.get(ConsolePath.PREFIX).order(0).handler(this::serve);
        router.head(ConsolePath.PREFIX).order(0).handler(this::serve);
        router.get(ConsolePath.PREFIX + "/*").order(0).handler(this::serve);
        router.head(ConsolePath.PREFIX + "/*").order(0).handler(this::serve);
    }

    void serve(RoutingContext rc) {
        Optional<ConsolePath> path = ConsolePath.of(rc.request().path());
        if (path.isEmpty()) {
            rc.next(); // /consoleX: not ours
            return;
        }
        ConsolePath asked = path.get();
        if (asked instanceof ConsolePath.Redirect redirect) {
            rc.response()
                    .setStatusCode(301)
                    .putHeader("Location", redirect.location())
                    .end();
        } else if (asked instanceof ConsolePath.Config) {
            rc.response()
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .end(client.configJson());
        } else if (asked instanceof ConsolePath.Page) {
            page(rc);
        } else if (asked instanceof ConsolePath.File file) {
            file(rc, file);
        } else {
            notFound(rc);
        }
    }

    private void page(RoutingContext rc) {
        read(rc, ConsoleFiles.INDEX, index -> {
            if (index.isEmpty()) {
                Problems.send(rc, 404, "Not Found", "not-found", NOT_BUILT);
            } else {
                send(rc, ConsoleFiles.INDEX, index.get(), PAGE_CACHE);
            }
        });
    }

    private void file(RoutingContext rc, ConsolePath.File file) {
        if (!files.built()) {
            Problems.send(rc, 404, "Not Found", "not-found", NOT_BUILT);
            return;
        }
        read(rc, file.name(), content -> {
            if (content.isPresent()) {
                send(rc, file.name(), content.get(), file.immutable() ? ASSET_CACHE : PAGE_CACHE);
            } else if (file.pageWhenMissing()) {
                page(rc);
            } else {
                notFound(rc);
            }
        });
    }

    private void read(RoutingContext rc, String name, Consumer<Optional<byte[]>> then) {
        if (!files.blocking()) {
            then.accept(files.read(name));
            return;
        }
        rc.vertx()
                .<Optional<byte[]>>executeBlocking(() -> files.read(name), false)
                .onComplete(ar -> {
                    if (ar.succeeded()) {
                        then.accept(ar.result());
                    } else {
                        Problems.send(
                                rc, 500, "Internal error", "internal-error", "The console's file could not be read");
                    }
                });
    }

    private static void send(RoutingContext rc, String name, byte[] content, String cacheControl) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.closed()) {
            return;
        }
        // set here, so that a HEAD answer says the length of what a GET would bring
        response.putHeader("Content-Type", MediaTypes.of(name))
                .putHeader("Content-Length", Integer.toString(content.length))
                .putHeader("Cache-Control", cacheControl)
                .end(Buffer.buffer(content));
    }

    private static void notFound(RoutingContext rc) {
        Problems.send(rc, 404, "Not Found", "not-found", "The console has no such file");
    }
}
