-- Publishing (docs/publishing.md): what a publication's row adds for the API's lists, and the daily metrics pull.
alter table publications add column idea text;
alter table publications add column published_at timestamptz;
alter table publications add column confirmed_by text;
create index publications_created_at_idx on publications (created_at, uid);

-- The last metrics pull per account Secret (one row per account, replaced by each pull).
create table metrics_pulls (
    account_namespace text        not null,
    account_secret    text        not null,
    platform          text        not null check (platform in ('YouTube', 'TikTok')),
    ran_at            timestamptz not null,
    outcome           text        not null check (outcome in ('Succeeded', 'PartiallyFailed', 'Failed')),
    videos            integer     not null,
    failures          integer     not null,
    message           text,
    primary key (account_namespace, account_secret)
);
