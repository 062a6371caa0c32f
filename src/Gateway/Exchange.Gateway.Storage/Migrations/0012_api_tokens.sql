-- API tokens: how an information system identifies itself on the participant JSON API, where no XML signature comes
-- with the call. Only the SHA-256 of a token is kept: the token is shown once when it is issued, and a copy of this
-- table (a backup, a replica) opens nothing. Retiring keeps the row, as the audit refers to it.
CREATE TABLE api_tokens (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    system      text NOT NULL REFERENCES information_systems,
    sha256      bytea NOT NULL UNIQUE CHECK (length(sha256) = 32),
    label       text,
    created_at  timestamptz NOT NULL,
    created_by  text NOT NULL,
    retired_at  timestamptz
);
CREATE INDEX api_tokens_by_system ON api_tokens (system, id);
