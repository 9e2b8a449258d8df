package io.animops.operator.panel;

import io.animops.operator.config.AnimOpsConfig;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the web panel at {@code /} from the class path ({@link PanelFiles}): every GET and HEAD outside
 * {@code /api} and {@code /q}. It needs no credential: the files hold no data, and the panel signs in through the
 * API.
 */
@ApplicationScoped
public class PanelRoutes {
    private static final Logger LOG = Logger.getLogger(PanelRoutes.class);

    private final PanelFiles files = new PanelFiles(PanelRoutes::readResource);

    @Inject
    AnimOpsConfig config;

    void install(@Observes Router router) {
        if (!config.panel().enabled()) {
            LOG.info("The web panel is off (animops.panel.enabled=false)");
            return;
        }
        if (!files.installed()) {
            LOG.infof("No web panel on the class path (%s): built with -Danimops.panel.skip=true?", PanelFiles.ROOT);
            return;
        }
        router.route()
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .method(HttpMethod.GET)
                .method(HttpMethod.HEAD)
                .handler(this::serve);
    }

    private void serve(RoutingContext context) {
        files.answer(context.normalizedPath())
                .ifPresentOrElse(
                        answer -> context.response()
                                .setStatusCode(answer.status())
                                .putHeader(HttpHeaders.CONTENT_TYPE, answer.contentType())
                                .putHeader(HttpHeaders.CACHE_CONTROL, answer.cacheControl())
                                .putHeader("X-Content-Type-Options", "nosniff")
                                .end(Buffer.buffer(answer.body())),
                        context::next);
    }

    private static byte[] readResource(String relative) {
        try (InputStream in = PanelRoutes.class.getClassLoader().getResourceAsStream(PanelFiles.ROOT + relative)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + PanelFiles.ROOT + relative, e);
        }
    }
}
