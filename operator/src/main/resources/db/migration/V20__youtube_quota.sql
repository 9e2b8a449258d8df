-- The YouTube Data API's daily quota per Google Cloud project (docs/publishing.md), kept so that a restarted
-- operator goes on counting where it stopped. One row per project and Pacific day (YouTube resets at midnight
-- Pacific time); old days are only history.
create table youtube_quota_days (
    project    text        not null,
    day        date        not null,
    units      bigint      not null check (units >= 0),
    inserts    bigint      not null check (inserts >= 0),
    closed     boolean     not null,
    updated_at timestamptz not null,
    primary key (project, day)
);
