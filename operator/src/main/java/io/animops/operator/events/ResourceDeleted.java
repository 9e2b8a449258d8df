package io.animops.operator.events;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * A CDI event: one of the pipeline's resources was deleted (its last state seen). For state kept in memory per
 * resource, which no reconciler hears of otherwise: reconcilers without a finalizer are not called on a deletion.
 */
public record ResourceDeleted(HasMetadata resource) {}
