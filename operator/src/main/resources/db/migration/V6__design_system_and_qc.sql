-- Design systems and QC. A design system is stored once per version; a checklist gets a new version
-- whenever its content changes, and a QC result keeps the checklist version it was made with.

create table design_systems (
    version     text primary key,
    sha256      text        not null,   -- of the canonical JSON: same version, other content is refused
    document    jsonb       not null,
    created_at  timestamptz not null
);

create table qc_checklists (
    id          bigserial primary key,
    name        text        not null,
    version     integer     not null,
    sha256      text        not null,   -- of the canonical JSON: unchanged content keeps its version
    document    jsonb       not null,
    created_at  timestamptz not null,
    unique (name, version)
);

-- One result per render job (by uid, so it outlives the job); items hold every item's outcome:
-- [{id, title, kind: Automatic|Manual, rule, outcome: Passed|Failed|Pending, expected, observed, message,
--   tickedBy, tickedAt, comment}]
create table qc_results (
    render_job_uid     uuid primary key,
    namespace          text        not null,
    render_job         text        not null,
    script_attempt     text        not null,   -- a final render of this attempt is published only after a pass
    idea               text,
    checklist_id       bigint      not null references qc_checklists (id),
    checklist_name     text        not null,
    checklist_version  integer     not null,
    policy             text        not null,
    outcome            text        not null,   -- Passed | Failed | Pending
    items              jsonb       not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
create index qc_results_job_idx on qc_results (namespace, render_job);
create index qc_results_attempt_idx on qc_results (namespace, script_attempt);
create index qc_results_pending_idx on qc_results (outcome, created_at) where outcome = 'Pending';
