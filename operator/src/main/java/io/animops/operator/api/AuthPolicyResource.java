package io.animops.operator.api;

import io.animops.operator.auth.*;
import io.animops.operator.common.ApiProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sign-in policy every replica shares, for admins. */
@Path(AccessPolicy.AUTH_POLICY)
@Tag(name = "users")
@Produces(MediaType.APPLICATION_JSON)
public class AuthPolicyResource {
    @Inject
    AuthService auth;

    @Inject
    CallerContext callers;

    public record Policy(boolean requireTotp) {}

    @GET
    @Operation(operationId = "getAuthPolicy", summary = "The sign-in policy: whether everyone must use TOTP")
    public Policy policy() {
        return new Policy(auth.requireTotp());
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "setAuthPolicy",
            summary = "Require TOTP for everyone: body {\"requireTotp\": true}",
            description = "Users without TOTP can then only enrol until they have.")
    public Policy setPolicy(String body) {
        if (body == null || !body.replace(" ", "").matches("\\{\"requireTotp\":(true|false)}")) {
            throw ApiProblem.badParameter("body.requireTotp", "required, true or false");
        }
        boolean required = body.contains("true");
        auth.setRequireTotp(callers.caller(), required);
        return new Policy(required);
    }
}
