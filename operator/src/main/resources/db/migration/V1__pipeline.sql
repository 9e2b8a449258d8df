-- History of the pipeline. Rows are keyed by the custom resource's uid, so history survives the
-- deletion of the resource and a re-created resource with the same name gets a row of its own.

create table ideas (
    uid               uuid primary key,
    namespace         text        not null,
    name              text        not null,
    schedule          text,
    run_id            text,
    title             text        not null,
    premise           text        not null,
    physics_hook      text,
    hook              text,
    source            text        not null,
    phase             text        not null,
    similarity_score  double precision,
    nearest           jsonb,
    embedding         bytea,
    embedding_model   text,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create index ideas_namespace_idx on ideas (namespace, created_at);

create table script_attempts (
    uid               uuid primary key,
    idea_uid          uuid,
    namespace         text        not null,
    name              text        not null,
    idea_name         text        not null,
    attempt           integer     not null,
    provider          text,
    model             text,
    offline           boolean,
    prompt_version    text,
    origin            text,
    script            text,
    script_sha256     text,
    contract_version  text,
    phase             text        not null,
    errors            jsonb,
    prompt_tokens     bigint,
    completion_tokens bigint,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create index script_attempts_idea_idx on script_attempts (namespace, idea_name);

create table render_jobs (
    uid                uuid primary key,
    namespace          text        not null,
    name               text        not null,
    script_attempt     text        not null,
    mode               text        not null,
    width              integer,
    height             integer,
    fps                integer,
    duration_seconds   integer,
    phase              text        not null,
    agent              text,
    provenance         jsonb,
    artifacts          jsonb,
    errors             jsonb,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);

create table publications (
    uid          uuid primary key,
    namespace    text        not null,
    name         text        not null,
    render_job   text        not null,
    platform     text        not null,
    mode         text        not null,
    phase        text        not null,
    external_id  text,
    url          text,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);

create table audit_events (
    id                 bigserial primary key,
    occurred_at        timestamptz not null,
    actor              text        not null,
    event_type         text        not null,
    subject_kind       text        not null,
    subject_namespace  text,
    subject_name       text        not null,
    subject_uid        uuid,
    payload            jsonb       not null,
    -- an event is recorded once even when a reconciliation is retried
    dedup_key          text        unique
);
create index audit_events_type_idx on audit_events (event_type, occurred_at);
create index audit_events_subject_idx on audit_events (subject_kind, subject_name, occurred_at);
