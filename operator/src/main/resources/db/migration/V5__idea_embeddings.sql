-- Embedding vectors of ideas, one row per idea and model. When the Idea Gate's model changes (an upgrade, or
-- the hash fallback when the neural model cannot load), the new model's vectors are computed beside the old
-- ones, which stay for a return to the previous model. Vectors of different models are never compared.
create table idea_embeddings (
    idea_uid    uuid        not null references ideas (uid) on delete cascade,
    model       text        not null,
    dimensions  integer     not null,
    -- little-endian float32, L2-normalised (unit length), so that cosine similarity is a dot product
    vector      bytea       not null,
    created_at  timestamptz not null,
    primary key (idea_uid, model),
    check (length(vector) = 4 * dimensions)
);

insert into idea_embeddings (idea_uid, model, dimensions, vector, created_at)
select uid, embedding_model, length(embedding) / 4, embedding, updated_at
from ideas
where embedding is not null and embedding_model is not null;

alter table ideas drop column embedding;
-- what the gate's verdict was measured with: ideas.embedding_model names the model of similarity_score and nearest
alter table ideas add column similarity_threshold double precision;
