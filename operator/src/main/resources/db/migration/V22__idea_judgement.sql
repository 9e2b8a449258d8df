-- The Idea Gate's LLM judge: its answer on an idea of the review zone (verdict, reason, model, prompt version, tokens;
-- the call itself is an llm_calls row with purpose gate-judge), kept beside the similarity so that the API and the
-- panel show it for every idea, including one whose custom resource was deleted.
alter table ideas add column judgement jsonb;
