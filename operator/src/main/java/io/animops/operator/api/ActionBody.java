package io.animops.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.animops.operator.common.QueryParams;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The optional body of an operator action: {@code {"reason": "..."}}. Read by hand rather than bound by the
 * framework, so that a malformed body answers a 400 problem naming the body and the member at fault.
 */
@Schema(name = "ActionRequest", description = "Optional body of an action")
public record ActionBody(
        @Schema(description = "Why, recorded in the audit log", maxLength = 1000)
        String reason) {
    public static final int MAX_REASON = 1000;

    public static ActionBody parse(String text) {
        if (text == null || text.isBlank()) {
            return new ActionBody(null);
        }
        QueryParams params = new QueryParams();
        JsonNode json = JsonBody.object(text, List.of("reason"), "{\"reason\": \"...\"}", params);
        String reason = JsonBody.optionalString(json, "reason", MAX_REASON, params);
        params.check();
        return new ActionBody(reason);
    }
}
