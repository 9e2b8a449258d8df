package io.animops.operator.api;

import io.animops.operator.storage.RetentionCleanup;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The cleanup action: the retention pass, now rather than at its next scheduled run. */
@Path("/api/v1/cleanup")
@Tag(name = "actions")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {
    @Inject
    RetentionCleanup cleanup;

    @Inject
    ApiActions actions;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "cleanup",
            summary = "Delete the stored files of rejected renders and of old previews now",
            description =
                    "Each deleted render is recorded on its row and in the audit log (RenderJob.ArtifactsDeleted) "
                            + "with the caller as actor; finals of published ideas are never deleted.")
    public RetentionCleanup.Report run() {
        return cleanup.run(actions.actor());
    }
}
