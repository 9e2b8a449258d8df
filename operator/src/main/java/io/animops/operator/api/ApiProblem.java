package io.animops.operator.api;

/**
 * A client error answered as RFC 7807 problem JSON. {@code field} names the request parameter at fault (null when
 * the problem is not about one field, e.g. a missing token).
 */
public class ApiProblem extends RuntimeException {
    public final int status;
    public final String title;
    public final String field;

    public ApiProblem(int status, String title, String field, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public static ApiProblem badParameter(String field, String detail) {
        return new ApiProblem(400, "Invalid request parameter", field, detail);
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "Unauthorized", null, detail);
    }
}
