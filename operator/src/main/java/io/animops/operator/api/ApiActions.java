package io.animops.operator.api;

import io.animops.operator.audit.AuditLog;
import io.animops.operator.auth.CallerContext;
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
     * The answer to an action.
     *
     * @param outcome {@code done} (written now), {@code unchanged} (it already was so) or {@code pending} (an
     *                identical request is already waiting for the operator)
     */
    @Schema(name = "ActionResult")
    public record Result(String action, String kind, String namespace, String name, String outcome, String detail) {}

    public static final String DONE = "done";
    public static final String UNCHANGED = "unchanged";
    public static final String PENDING = "pending";

    @Inject
    AuditLog audit;

    @Inject
    CallerContext callers;

    /** The audit log's actor of this request: the signed-in user's name, or {@code token:<name>}. */
    public String actor() {
        return callers.caller().actor();
    }

    /** Records the action as {@code <Kind>.<event>}, with the person's reason and the action's own details. */
    public void audit(String event, HasMetadata subject, ActionBody body, Map<String, Object> details) {
        Map<String, Object> payload = new LinkedHashMap<>(details);
        payload.put("reason", body.reason());
        audit.record(actor(), subject.getKind() + "." + event, subject, payload, null);
    }
}
