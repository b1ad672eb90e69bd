-- One set of SQL for SQLite and PostgreSQL. ${id_column} is the vendor's auto-numbered primary key
-- (Database sets it); times are epoch milliseconds (BIGINT) so both read them the same way.

CREATE TABLE conveners (
  id ${id_column},
  created_at BIGINT NOT NULL
);

-- one-time sign-in links: single use (used_at), expiring; only the SHA-256 of the token is kept
CREATE TABLE sign_in_tokens (
  token_hash TEXT PRIMARY KEY,
  convener_id BIGINT NOT NULL REFERENCES conveners (id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);

CREATE TABLE rooms (
  id ${id_column},
  public_id TEXT NOT NULL UNIQUE,
  convener_id BIGINT NOT NULL REFERENCES conveners (id),
  created_at BIGINT NOT NULL,
  title TEXT NOT NULL,
  is_open BOOLEAN NOT NULL,
  state TEXT NOT NULL,
  deadline_at BIGINT,
  spec TEXT NOT NULL
);

CREATE TABLE seats (
  id ${id_column},
  room_id BIGINT NOT NULL REFERENCES rooms (id),
  seat_index INTEGER NOT NULL CHECK (seat_index >= 0),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('person', 'agent', 'program')),
  token_hash TEXT NOT NULL UNIQUE,
  revoked BOOLEAN NOT NULL DEFAULT FALSE,
  UNIQUE (room_id, seat_index)
);

-- browser sessions, of the convener or of a seat (from its invite link); exactly one owner
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  convener_id BIGINT REFERENCES conveners (id),
  seat_id BIGINT REFERENCES seats (id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  CHECK ((convener_id IS NULL AND seat_id IS NOT NULL) OR (convener_id IS NOT NULL AND seat_id IS NULL))
);

-- the append-only log; the primary key (room_id, seq) makes a second writer of the same seq fail
CREATE TABLE events (
  room_id BIGINT NOT NULL REFERENCES rooms (id),
  seq BIGINT NOT NULL CHECK (seq >= 1),
  occurred_at BIGINT NOT NULL,
  seat INTEGER NOT NULL CHECK (seat >= -1),
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  audience TEXT NOT NULL,
  PRIMARY KEY (room_id, seq)
);

-- a retried request with the same Idempotency-Key gets the first response; written with its events
CREATE TABLE idempotency_keys (
  principal TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  room_id BIGINT REFERENCES rooms (id),
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (principal, idempotency_key)
);
