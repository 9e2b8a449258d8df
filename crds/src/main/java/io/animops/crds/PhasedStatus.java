package io.animops.crds;

/** A status with a phase: what the live stream and the panel summarise a resource by. */
public interface PhasedStatus {
    Enum<?> getPhase();
}
