-- Research studies (docs/server.md, "Research studies"). One set of SQL for SQLite and PostgreSQL, as V1.

-- a study is a room template: each person who opens its one participant link gets a room of their own;
-- only the SHA-256 of the link's token is kept (a new link replaces it, revoking the old)
CREATE TABLE studies (
  id ${id_column},
  public_id TEXT NOT NULL UNIQUE,
  convener_id BIGINT NOT NULL REFERENCES conveners (id),
  created_at BIGINT NOT NULL,
  title TEXT NOT NULL,
  template TEXT NOT NULL,
  participant_seat INTEGER NOT NULL CHECK (participant_seat >= 0),
  redirect_url TEXT NOT NULL,
  max_rooms INTEGER NOT NULL CHECK (max_rooms >= 1),
  link_hash TEXT NOT NULL UNIQUE
);

-- one row per participant: their own room, their number in the study, the id they came with, their code
CREATE TABLE study_participants (
  id ${id_column},
  study_id BIGINT NOT NULL REFERENCES studies (id),
  room_id BIGINT NOT NULL UNIQUE REFERENCES rooms (id),
  number INTEGER NOT NULL CHECK (number >= 1),
  pid TEXT NOT NULL,
  completion_code TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  UNIQUE (study_id, number)
);
