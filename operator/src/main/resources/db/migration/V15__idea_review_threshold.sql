-- The Idea Gate's review zone: ideas.similarity_threshold is the duplicate threshold, review_threshold where the
-- review zone starts (equal to it for a fixed threshold); both belong to ideas.embedding_model.
alter table ideas add column review_threshold double precision;
