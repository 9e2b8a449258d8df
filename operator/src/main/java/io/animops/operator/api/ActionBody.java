package io.animops.operator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Iterator;

/**
 * The optional body of an operator action: {@code {"reason": "..."}}. Read by hand rather than bound by the
 * framework, so that a malformed body answers a 400 problem naming the body and the member at fault.
 */
@Schema(name = "ActionRequest", description = "Optional body of an action")
public record ActionBody(@Schema(description = "Why, recorded in the audit log", maxLength = 1000) String reason) {
    public static final int MAX_REASON = 1000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static ActionBody parse(String text) {
        if (text == null || text.isBlank()) {
            return new ActionBody(null);
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badParameter("body", "the body is not JSON: " + e.getOriginalMessage());
        }
        if (!json.isObject()) {
            throw ApiProblem.badParameter("body", "the body must be a JSON object such as {\"reason\": \"...\"}");
        }
        QueryParams params = new QueryParams();
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("reason")) {
                params.invalid("body." + name, "is not a member of the body: only reason is");
            }
        }
        JsonNode reason = json.get("reason");
        if (reason != null && !reason.isNull() && !reason.isTextual()) {
            params.invalid("body.reason", "must be a string");
        } else if (reason != null && reason.isTextual() && reason.asText().length() > MAX_REASON) {
            params.invalid("body.reason", "must be at most " + MAX_REASON + " characters");
        }
        params.check();
        return new ActionBody(reason == null || reason.isNull() ? null : reason.asText());
    }
}
