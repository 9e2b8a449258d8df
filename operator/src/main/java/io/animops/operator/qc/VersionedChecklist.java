package io.animops.operator.qc;

/** A checklist as stored: the content plus the version the database gave it. */
public record VersionedChecklist(long id, int version, QcChecklist checklist) {
    public String name() {
        return checklist.name();
    }
}
