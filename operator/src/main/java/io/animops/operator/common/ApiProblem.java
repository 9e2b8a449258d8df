package io.animops.operator.common;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A client error answered as RFC 7807 problem JSON. {@code field} names the request parameter at fault (null when
 * the problem is not about one field, e.g. a missing token); {@code invalidParams} lists every bad parameter with
 * its reason (the RFC's "invalid-params" member).
 */
public class ApiProblem extends RuntimeException {
    /** At most this many invalid parameters are listed: a hostile body must not make a large answer. */
    public static final int MAX_INVALID_PARAMS = 20;
    /** Names and reasons quote the request: they are cut to this many characters. */
    private static final int MAX_NAME = 100;

    private static final int MAX_REASON = 300;

    /** A request parameter (query, path or body member) and what is wrong with it. */
    public record InvalidParam(String name, String reason) {
        public InvalidParam {
            name = shortened(name, MAX_NAME);
            reason = shortened(reason, MAX_REASON);
        }
    }

    public final int status;
    public final String title;
    public final String field;
    public final List<InvalidParam> invalidParams;
    /** How many more invalid parameters there were beyond {@link #invalidParams}. */
    public final int omittedParams;
    /** Seconds for the Retry-After header of a 429, else 0. */
    public final long retryAfterSeconds;

    public ApiProblem(int status, String title, String field, String detail) {
        this(status, title, field, detail, List.of(), 0);
    }

    private ApiProblem(
            int status,
            String title,
            String field,
            String detail,
            List<InvalidParam> invalidParams,
            int omittedParams) {
        this(status, title, field, detail, invalidParams, omittedParams, 0);
    }

    private ApiProblem(
            int status,
            String title,
            String field,
            String detail,
            List<InvalidParam> invalidParams,
            int omittedParams,
            long retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = retryAfterSeconds;
        this.status = status;
        this.title = title;
        this.field = field;
        this.invalidParams = List.copyOf(invalidParams);
        this.omittedParams = omittedParams;
    }

    public static ApiProblem badParameter(String field, String detail) {
        InvalidParam param = new InvalidParam(field, detail);
        return new ApiProblem(400, "Invalid request parameter", param.name(), param.reason(), List.of(param), 0);
    }

    /**
     * One problem naming the first {@link #MAX_INVALID_PARAMS} bad parameters and how many more there were
     * ({@code omitted} besides those beyond the maximum in {@code params}).
     */
    public static ApiProblem invalidParams(List<InvalidParam> params, int omitted) {
        List<InvalidParam> listed = params.subList(0, Math.min(params.size(), MAX_INVALID_PARAMS));
        int more = omitted + params.size() - listed.size();
        String detail = listed.stream().map(p -> p.name() + " " + p.reason()).collect(Collectors.joining("; "))
                + (more == 0 ? "" : "; and " + more + " more invalid parameter" + (more == 1 ? "" : "s"));
        return new ApiProblem(400, "Invalid request parameter", listed.get(0).name(), detail, listed, more);
    }

    private static String shortened(String text, int max) {
        return text == null || text.length() <= max
                ? text
                : text.substring(0, max) + "... (" + text.length() + " characters)";
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
        return new ApiProblem(429, "Too Many Requests", null, detail, List.of(), 0, Math.max(1, retryAfterSeconds));
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not Found", null, detail);
    }

    /** The request is well-formed but the resource's state does not allow it (e.g. approving an idea in progress). */
    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", null, detail);
    }
}
