-- The replay cache: signed calls whose signed data carries no MessageID (GetRequest, GetResponse, GetStatus) are told
-- apart only by their signed Timestamp, so the gateway remembers each one it answered until that Timestamp leaves the
-- freshness window; a second arrival of the same signed call, on any node, is refused. `call` is a SHA-256 of the
-- signing information system's mnemonic and the digest of the signed content.
CREATE TABLE answered_calls (
    call        bytea PRIMARY KEY CHECK (length(call) = 32),
    kept_until  timestamptz NOT NULL
);
CREATE INDEX answered_calls_by_age ON answered_calls (kept_until);
