package io.animops.operator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.animops.operator.common.ApiProblem;
import io.animops.operator.common.QueryParams;

import java.util.Iterator;
import java.util.List;

/**
 * A request body read by hand rather than bound by the framework, so that a malformed body answers a 400 problem
 * naming the body and the member at fault.
 */
public final class JsonBody {
    /** A member given twice is refused rather than silently read as its last value. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonBody() {}

    /**
     * The body as a JSON object; 400 naming {@code body} when it is not JSON or not an object. Members other than
     * {@code members} are collected in {@code params} as {@code body.<member>}.
     *
     * @param example a body to show in the message, e.g. {@code {"reason": "..."}}
     */
    public static JsonNode object(String text, List<String> members, String example, QueryParams params) {
        JsonNode json;
        try {
            json = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badParameter("body", "the body is not JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw ApiProblem.badParameter("body", "the body must be a JSON object such as " + example);
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!members.contains(name)) {
                params.invalid(
                        "body." + name,
                        "is not a member of the body: only " + String.join(" and ", members)
                                + (members.size() == 1 ? " is" : " are"));
            }
        }
        return json;
    }

    /** The member as a string of at most {@code maxLength} characters, or null when absent or null. */
    public static String optionalString(JsonNode json, String member, int maxLength, QueryParams params) {
        JsonNode value = json.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            params.invalid("body." + member, "must be a string");
        } else if (value.asText().length() > maxLength) {
            params.invalid("body." + member, "must be at most " + maxLength + " characters");
        }
        return value.isTextual() ? value.asText() : null;
    }
}
