-- What each render left in storage (V1 keeps provenance and the artifacts as the agent reported them), the
-- media facts QC reads, and when retention removed the stored objects.

alter table render_jobs
    add column media                      jsonb,
    -- first time the job was seen Succeeded or Failed: retention ages count from here
    add column completed_at               timestamptz,
    add column artifacts_deleted_at       timestamptz,
    add column artifacts_deletion_reason  text;

create table render_artifacts (
    render_job_uid  uuid        not null references render_jobs (uid) on delete cascade,
    kind            text        not null,
    storage_key     text        not null,
    content_type    text,
    bytes           bigint,
    sha256          text,
    recorded_at     timestamptz not null,
    deleted_at      timestamptz,
    primary key (render_job_uid, kind)
);

-- the retention task looks for finished jobs whose objects are still stored
create index render_jobs_retention_idx on render_jobs (completed_at) where artifacts_deleted_at is null;
