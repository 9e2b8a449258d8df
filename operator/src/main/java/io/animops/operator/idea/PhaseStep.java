package io.animops.operator.idea;

import io.animops.crds.v1alpha1.AnimationIdea;

/** What happens to an idea in one phase: it reads what was observed and moves the idea on, through the run. */
interface PhaseStep {
    void advance(IdeaLifecycle run, AnimationIdea idea, IdeaLifecycle.Observed observed);
}
