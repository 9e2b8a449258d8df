package io.animops.operator.publish;

import io.animops.crds.Reasons;
import io.animops.crds.SecretKeyRef;
import io.animops.crds.v1alpha1.Platform;
import io.animops.crds.v1alpha1.PublishMode;
import io.animops.crds.v1alpha1.PublishSettings;
import io.animops.crds.v1alpha1.PublishTarget;
import io.animops.crds.v1alpha1.TikTokPostMode;
import io.animops.operator.common.SpecProblem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of a schedule's publish targets that need no cluster. The publication reconciler blocks on the
 * same account rule; the schedule's Ready condition and the {@code lint} command report them before a video waits.
 */
public final class PublishTargetCheck {
    private PublishTargetCheck() {}

    /** Why an upload through the platform's API cannot start: no account Secret is named (Manual needs none). */
    public static Optional<String> accountProblem(PublishMode mode, SecretKeyRef account) {
        if (mode != PublishMode.Manual && account == null) {
            return Optional.of("no account Secret named; publishing is blocked until one is");
        }
        return Optional.empty();
    }

    public static List<SpecProblem> problems(List<PublishTarget> targets, PublishSettings publishing) {
        List<SpecProblem> problems = new ArrayList<>();
        Map<String, Integer> firstOfAccount = new HashMap<>();
        for (int i = 0; targets != null && i < targets.size(); i++) {
            PublishTarget target = targets.get(i);
            String field = "spec.publish[" + i + "]";
            accountProblem(target.getMode(), target.getAccountSecretRef())
                    .ifPresent(message -> problems.add(
                            SpecProblem.warning(field + ".accountSecretRef", Reasons.CREDENTIALS_MISSING, message)));
            if (target.getPlatform() == Platform.YouTube && target.getTikTokPostMode() == TikTokPostMode.Inbox) {
                problems.add(SpecProblem.warning(
                        field + ".tikTokPostMode",
                        Reasons.INVALID_PUBLISH_TARGETS,
                        "has no effect on a YouTube target"));
            }
            if (target.getAccountSecretRef() != null && target.getMode() != PublishMode.Manual) {
                String account = target.getPlatform() + "/"
                        + target.getAccountSecretRef().getName();
                Integer first = firstOfAccount.putIfAbsent(account, i);
                if (first != null) {
                    problems.add(SpecProblem.error(
                            field,
                            Reasons.INVALID_PUBLISH_TARGETS,
                            "publishes every video a" + " second time to the account of spec.publish[" + first + "] ("
                                    + account + ")"));
                }
            }
        }
        if (publishing != null && (publishing.getWindowStart() == null) != (publishing.getWindowEnd() == null)) {
            String missing = publishing.getWindowStart() == null ? "windowStart" : "windowEnd";
            problems.add(SpecProblem.warning(
                    "spec.publishing." + missing,
                    Reasons.INVALID_PUBLISH_TARGETS,
                    "is missing: a publish window needs both windowStart and windowEnd, so this one is ignored"));
        }
        return problems;
    }
}
