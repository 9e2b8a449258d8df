package io.animops.operator.api;

import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The OpenAPI document beside the API it describes, the same document as /q/openapi. Served without the token
 * ({@link io.animops.operator.api.AccessPolicy}): it describes the API and holds no data or secrets.
 */
@Path(OpenApiResource.PATH)
@Tag(name = "meta")
public class OpenApiResource {
    public static final String PATH = "/api/v1/openapi";

    @Inject
    OpenApiDocumentService documents;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getOpenApiDocument", summary = "This OpenAPI document (JSON); no token needed")
    public byte[] document() {
        return documents.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON);
    }
}
