package io.animops.agent.cluster;

import io.animops.crds.v1alpha1.RenderJob;

/**
 * The two calls the agent makes on a job it works on. An interface so that the write and conflict logic can be
 * tested without an API server.
 */
public interface JobApi {
    /** A status write refused by the API server: 409 (someone wrote meanwhile) or 404 (the job is gone). */
    final class Refused extends Exception {
        private final int code;

        public Refused(int code, String message) {
            super(message);
            this.code = code;
        }

        public int code() {
            return code;
        }

        public boolean conflict() {
            return code == 409;
        }
    }

    /** Applies a merge patch to the job's status subresource; returns the job as stored afterwards. */
    RenderJob patchStatus(String namespace, String name, String mergePatch) throws Refused;

    /** The job as stored, or null when it no longer exists. */
    RenderJob get(String namespace, String name);
}
