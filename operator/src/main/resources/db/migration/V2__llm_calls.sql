-- Every call to a language model: what it cost, how long it took and how it ended. Answers are kept so
-- that the same prompt to the same model is answered from here instead of paying for it twice.

create table llm_calls (
    id                 bigserial primary key,
    occurred_at        timestamptz not null,
    namespace          text        not null,
    schedule           text,
    idea_name          text,
    attempt_name       text,
    purpose            text        not null,   -- script | ideas
    provider           text        not null,
    model              text        not null,
    prompt_version     text,
    prompt_sha256      text        not null,   -- SHA-256 of (provider, model, prompt)
    prompt_tokens      bigint      not null default 0,
    completion_tokens  bigint      not null default 0,
    latency_ms         bigint      not null default 0,
    http_attempts      integer     not null default 0,
    cached             boolean     not null default false,
    outcome            text        not null,   -- ok | error | budget-exhausted
    error              text,
    response           text
);
create index llm_calls_cache_idx on llm_calls (prompt_sha256) where outcome = 'ok' and cached = false;
create index llm_calls_budget_idx on llm_calls (namespace, schedule, occurred_at);

-- Per idea: how many script attempts, whether the first was valid, whether a repair made it valid, and
-- the tokens spent writing its scripts. First-try success rate = avg(first_try_valid), after-repair
-- success rate = avg(first_try_valid or valid_after_repair).
create view idea_authoring_outcomes as
select a.namespace,
       a.idea_name,
       a.idea_uid,
       count(*)                                                          as attempts,
       bool_or(a.attempt = 1 and a.phase = 'Valid')                       as first_try_valid,
       bool_or(a.attempt > 1 and a.phase = 'Valid')
           and not bool_or(a.attempt = 1 and a.phase = 'Valid')           as valid_after_repair,
       bool_or(a.phase = 'Valid')                                         as valid,
       coalesce(sum(a.prompt_tokens), 0)                                  as prompt_tokens,
       coalesce(sum(a.completion_tokens), 0)                              as completion_tokens,
       coalesce(sum(a.prompt_tokens), 0) + coalesce(sum(a.completion_tokens), 0) as total_tokens
from script_attempts a
group by a.namespace, a.idea_name, a.idea_uid;
