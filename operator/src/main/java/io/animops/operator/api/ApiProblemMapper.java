package io.animops.operator.api;

import io.animops.operator.common.ApiProblem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers an {@link ApiProblem} as {@code application/problem+json} (RFC 7807). */
@Provider
public class ApiProblemMapper implements ExceptionMapper<ApiProblem> {
    public static final String PROBLEM_JSON = "application/problem+json";
    static final String BEARER_CHALLENGE = "Bearer realm=\"animops\"";

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ApiProblem problem) {
        return toResponse(problem, uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""));
    }

    /**
     * The framework's own refusals under /api (no such path, wrong method, unsupported media type) answer problem
     * JSON too, so that a client reads every error of the API the same way.
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo info) {
        Response original = e.getResponse();
        String path = "/" + info.getPath().replaceFirst("^/", "");
        if (!path.startsWith("/api/")) {
            return original;
        }
        int status = original.getStatus();
        String title = Response.Status.fromStatusCode(status) == null
                ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = status == 404 ? "no such resource: " + path : e.getMessage();
        return toResponse(new ApiProblem(status, title, null, detail), path);
    }

    public static Response toResponse(ApiProblem problem, String instance) {
        Response.ResponseBuilder response =
                Response.status(problem.status).type(PROBLEM_JSON).entity(body(problem, instance));
        if (problem.status == 401) {
            response.header("WWW-Authenticate", BEARER_CHALLENGE);
        }
        if (problem.retryAfterSeconds > 0) {
            response.header("Retry-After", problem.retryAfterSeconds);
        }
        return response.build();
    }

    /** The problem JSON's members. */
    static Map<String, Object> body(ApiProblem problem, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.title);
        body.put("status", problem.status);
        body.put("detail", problem.getMessage());
        if (problem.field != null) {
            body.put("field", problem.field);
        }
        if (!problem.invalidParams.isEmpty()) {
            List<Map<String, String>> params = problem.invalidParams.stream()
                    .map(p -> Map.of("name", p.name(), "reason", p.reason()))
                    .toList();
            body.put("invalid-params", params);
        }
        if (problem.omittedParams > 0) {
            body.put("invalid-params-omitted", problem.omittedParams);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        return body;
    }
}
