package io.animops.operator.api;

import io.animops.operator.audit.AuditLog;
import io.fabric8.kubernetes.api.model.HasMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the API's operator actions share: their answer and their audit record. */
@ApplicationScoped
public class ApiActions {
    /**
     * Actor of actions taken through the API. The operator token is one shared secret and names nobody; per-person
     * actors come with session login.
     */
    public static final String ACTOR = "api";

    /**
     * The answer to an action.
     *
     * @param outcome {@code done} (written now), {@code unchanged} (it already was so) or {@code pending} (an
     *                identical request is already waiting for the operator)
     */
    @Schema(name = "ActionResult")
    public record Result(String action, String kind, String namespace, String name, String outcome, String detail) {
    }

    public static final String DONE = "done";
    public static final String UNCHANGED = "unchanged";
    public static final String PENDING = "pending";

    @Inject
    AuditLog audit;

    /** Records the action as {@code <Kind>.<event>}, with the person's reason and the action's own details. */
    public void audit(String event, HasMetadata subject, ActionBody body, Map<String, Object> details) {
        Map<String, Object> payload = new LinkedHashMap<>(details);
        payload.put("reason", body.reason());
        audit.record(ACTOR, subject.getKind() + "." + event, subject, payload, null);
    }
}
