package io.animops.operator.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.LinkedHashMap;
import java.util.Map;

/** Answers an {@link ApiProblem} as {@code application/problem+json} (RFC 7807). */
@Provider
public class ApiProblemMapper implements ExceptionMapper<ApiProblem> {
    public static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public Response toResponse(ApiProblem problem) {
        return toResponse(problem, null);
    }

    static Response toResponse(ApiProblem problem, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.title);
        body.put("status", problem.status);
        body.put("detail", problem.getMessage());
        if (problem.field != null) {
            body.put("field", problem.field);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        Response.ResponseBuilder response = Response.status(problem.status).type(PROBLEM_JSON).entity(body);
        if (problem.status == 401) {
            response.header("WWW-Authenticate", "Bearer realm=\"animops\"");
        }
        return response.build();
    }
}
