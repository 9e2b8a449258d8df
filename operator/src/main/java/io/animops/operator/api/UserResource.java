package io.animops.operator.api;

import io.animops.operator.auth.*;
import io.animops.operator.common.ApiProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/** Users, for admins (the {@code user} command does the same without the operator). */
@Path("/api/v1/users")
@Tag(name = "users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {
    @Inject
    AuthService auth;

    @Inject
    CallerContext callers;

    /** @param oneTimePassword to hand to the person, who must change it at first sign-in */
    public record Credentials(String name, String oneTimePassword) {}

    public record Revoked(String name, int sessions) {}

    @GET
    @Operation(operationId = "listUsers", summary = "Users: role, TOTP, disabled, last sign-in (no secrets)")
    public List<User.Summary> list() {
        return auth.users();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "addUser",
            summary = "Add a user; answers a one-time password",
            description = "Body {\"name\": \"...\", \"role\": \"viewer|operator|admin\"}; 409 when the name is taken.")
    public Credentials add(String body) {
        Map<String, String> values = AuthBodies.read(body, List.of("name", "role"), List.of("name", "role"));
        Role role = role(values.get("role"));
        return new Credentials(values.get("name"), auth.addUser(callers.caller(), values.get("name"), role));
    }

    @POST
    @Path("/{name}/password-reset")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "resetPassword", summary = "A new one-time password for a user; their sessions end")
    public Credentials resetPassword(@PathParam("name") String name) {
        return new Credentials(name, auth.resetPassword(callers.caller(), name));
    }

    @POST
    @Path("/{name}/totp-reset")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "resetTotp", summary = "Remove a user's TOTP and recovery codes (a lost phone)")
    public Map<String, String> resetTotp(@PathParam("name") String name) {
        auth.resetTotp(callers.caller(), name);
        return Map.of("name", name, "totp", "removed");
    }

    @PUT
    @Path("/{name}/role")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "setRole", summary = "Change a user's role: body {\"role\": \"viewer|operator|admin\"}")
    public Map<String, String> setRole(@PathParam("name") String name, String body) {
        Role role = role(AuthBodies.read(body, List.of("role"), List.of("role")).get("role"));
        auth.setRole(callers.caller(), name, role);
        return Map.of("name", name, "role", role.id());
    }

    @POST
    @Path("/{name}/disable")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "disableUser", summary = "Disable a user: no sign-in, every session ends")
    public Map<String, Object> disable(@PathParam("name") String name) {
        auth.setDisabled(callers.caller(), name, true);
        return Map.of("name", name, "disabled", true);
    }

    @POST
    @Path("/{name}/enable")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "enableUser", summary = "Enable a disabled user again")
    public Map<String, Object> enable(@PathParam("name") String name) {
        auth.setDisabled(callers.caller(), name, false);
        return Map.of("name", name, "disabled", false);
    }

    @DELETE
    @Path("/{name}/sessions")
    @Operation(operationId = "revokeSessions", summary = "End every session of a user")
    public Revoked revokeSessions(@PathParam("name") String name) {
        return new Revoked(name, auth.revokeSessions(callers.caller(), name));
    }

    static Role role(String text) {
        return Role.parse(text).orElseThrow(() -> ApiProblem.badParameter("body.role", "must be one of " + Role.ids()));
    }
}
