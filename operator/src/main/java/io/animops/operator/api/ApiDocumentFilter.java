package io.animops.operator.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Completes the OpenAPI document with what every operation of the API shares, declared once here rather than on
 * each method: the two ways in (operator token, session cookie), the access each operation needs
 * ({@value #ACCESS}, from {@link AccessPolicy}), and the RFC 7807 problem answers (400 naming the parameters, 401,
 * 403, 404 for a named resource, 409 for actions).
 */
public class ApiDocumentFilter implements OASFilter {
    static final String SCHEME = "operatorToken";
    static final String COOKIE_SCHEME = "session";
    /** Extension on each operation: public, signed_in, viewer, operator or admin. */
    public static final String ACCESS = "x-animops-access";

    static final String PROBLEM = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.info(OASFactory.createInfo()
                .title("AnimOps API")
                .version("v1")
                .description(
                        "REST API of the AnimOps operator. Every /api/v1 path needs Authorization: Bearer <operator token>"
                                + " or a session cookie from POST /api/v1/session (with X-CSRF-Token on requests that change something),"
                                + " except the OpenAPI document itself, the sign-in steps and the signed upload and download links of"
                                + " artifacts; " + ACCESS + " on each operation names the role it needs."
                                + " Lists page with limit (1..500) and continue."));
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addSecurityScheme(
                        SCHEME,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description("The operator token (animops.api.token / ANIMOPS_API_TOKEN)"))
                .addSecurityScheme(
                        COOKIE_SCHEME,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE)
                                .name(ApiAuthFilter.COOKIE)
                                .description(
                                        "A person's session (POST /api/v1/session); writes also need X-CSRF-Token"))
                .addSchema(PROBLEM, problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            boolean named = path.getKey().contains("{name}");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                AccessPolicy.Access access =
                        AccessPolicy.required(entry.getKey().name(), path.getKey());
                operation.addExtension(ACCESS, access.name().toLowerCase(Locale.ROOT));
                // the document holds no data; signed artifact links carry their own signature instead of the token
                if (access == AccessPolicy.Access.PUBLIC) {
                    operation.security(List.of());
                    continue;
                }
                operation.security(List.of(
                        OASFactory.createSecurityRequirement().addScheme(SCHEME),
                        OASFactory.createSecurityRequirement().addScheme(COOKIE_SCHEME)));
                APIResponses responses =
                        operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
                problem(responses, "400", "Invalid parameter or body; invalid-params names each one");
                problem(responses, "401", "Missing or wrong bearer token, or no live session");
                problem(responses, "403", "The caller's role does not allow it, or a write without the CSRF token");
                if (named) {
                    problem(responses, "404", "No such resource");
                }
                if (entry.getKey() == PathItem.HttpMethod.POST) {
                    problem(responses, "409", "The resource's state does not allow the action");
                }
                operation.responses(responses);
            }
        }
    }

    private static void problem(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(
                status,
                OASFactory.createAPIResponse()
                        .description(description)
                        .content(OASFactory.createContent()
                                .addMediaType(
                                        ApiProblemMapper.PROBLEM_JSON,
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .ref(PROBLEM)))));
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema invalidParam = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("name", string)
                .addProperty("reason", string);
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 7807 problem details")
                .addProperty("type", string)
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty(
                        "field",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("The (first) parameter at fault"))
                .addProperty(
                        "invalid-params",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(invalidParam))
                .addProperty("instance", string)
                .required(List.of("title", "status", "detail"));
    }
}
