package io.animops.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.animops.operator.auth.*;
import io.animops.operator.common.ApiProblem;
import io.animops.operator.common.QueryParams;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sign-in routes' bodies: JSON objects of strings, each member named in a 400 when missing or wrong. */
final class AuthBodies {
    private static final int MAX_LENGTH = 1024;

    private AuthBodies() {}

    /**
     * The members' values; {@code required} ones must be present and non-empty. Values are never echoed in an
     * error: they may be passwords.
     */
    static Map<String, String> read(String text, List<String> members, List<String> required) {
        if (text == null || text.isBlank()) {
            throw ApiProblem.badParameter("body", "a JSON body with " + String.join(", ", members) + " is required");
        }
        QueryParams params = new QueryParams();
        JsonNode json = JsonBody.object(text, members, "{\"" + members.get(0) + "\": \"...\"}", params);
        Map<String, String> values = new LinkedHashMap<>();
        for (String member : members) {
            String value = JsonBody.optionalString(json, member, MAX_LENGTH, params);
            if (required.contains(member)
                    && (json.get(member) == null || json.get(member).isNull())) {
                params.invalid("body." + member, "is required");
            } else if (required.contains(member) && "".equals(value)) {
                params.invalid("body." + member, "must not be empty");
            }
            values.put(member, value);
        }
        params.check();
        return values;
    }
}
