package io.animops.operator.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A client error answered as RFC 7807 problem JSON. {@code field} names the request parameter at fault (null when
 * the problem is not about one field, e.g. a missing token); {@code invalidParams} lists every bad parameter with
 * its reason (the RFC's "invalid-params" member).
 */
public class ApiProblem extends RuntimeException {
    /** A request parameter (query, path or body member) and what is wrong with it. */
    public record InvalidParam(String name, String reason) {
    }

    public final int status;
    public final String title;
    public final String field;
    public final List<InvalidParam> invalidParams;
    /** Seconds for the Retry-After header of a 429, else 0. */
    public final long retryAfterSeconds;

    public ApiProblem(int status, String title, String field, String detail) {
        this(status, title, field, detail, List.of());
    }

    private ApiProblem(int status, String title, String field, String detail, List<InvalidParam> invalidParams) {
        this(status, title, field, detail, invalidParams, 0);
    }

    private ApiProblem(int status, String title, String field, String detail, List<InvalidParam> invalidParams,
                       long retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = retryAfterSeconds;
        this.status = status;
        this.title = title;
        this.field = field;
        this.invalidParams = List.copyOf(invalidParams);
    }

    public static ApiProblem badParameter(String field, String detail) {
        return new ApiProblem(400, "Invalid request parameter", field, detail, List.of(new InvalidParam(field, detail)));
    }

    /** One problem naming every bad parameter; {@code field} is the first. */
    public static ApiProblem invalidParams(List<InvalidParam> params) {
        String detail = params.stream().map(p -> p.name() + " " + p.reason()).collect(Collectors.joining("; "));
        return new ApiProblem(400, "Invalid request parameter", params.get(0).name(), detail, params);
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "Unauthorized", null, detail);
    }

    /** Signed in, but the role (or a pending password change) does not allow the request. */
    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "Forbidden", null, detail);
    }

    /** Too many attempts: answered 429 with Retry-After. */
    public static ApiProblem tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiProblem(429, "Too Many Requests", null, detail, List.of(), Math.max(1, retryAfterSeconds));
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not Found", null, detail);
    }

    /** The request is well-formed but the resource's state does not allow it (e.g. approving an idea in progress). */
    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", null, detail);
    }
}
