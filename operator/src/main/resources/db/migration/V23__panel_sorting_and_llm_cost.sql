-- The panel's lists: ideas newest first across namespaces, sorted by a column (keyset order: column, created_at,
-- uid), and the audit log by actor.
create index ideas_created_idx on ideas (created_at, uid);
create index ideas_updated_idx on ideas (updated_at, created_at, uid);
create index ideas_name_idx on ideas (name, created_at, uid);
create index ideas_phase_idx on ideas (phase, created_at, uid);
create index ideas_similarity_idx on ideas ((coalesce(similarity_score, -2)), created_at, uid);
create index audit_events_actor_idx on audit_events (actor, occurred_at);

-- What a model call cost in US dollars at the prices configured when it was made; null when no price was known.
alter table llm_calls add column cost_usd numeric(14, 6);
