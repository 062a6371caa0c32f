-- Participants as far as the walking skeleton needs them: who they are, which certificates identify
-- their information systems, and which participant provides each business message type.
CREATE TABLE participants (
    mnemonic     text PRIMARY KEY,
    name         text NOT NULL,
    created_at   timestamptz NOT NULL
);

CREATE TABLE participant_certificates (
    thumbprint   text PRIMARY KEY,          -- SHA-256 of the DER certificate, upper-case hex
    mnemonic     text NOT NULL REFERENCES participants,
    subject      text NOT NULL,
    not_before   timestamptz NOT NULL,
    not_after    timestamptz NOT NULL
);

CREATE TABLE message_type_providers (
    namespace_uri text NOT NULL,
    root_element  text NOT NULL,
    provider      text NOT NULL REFERENCES participants,
    PRIMARY KEY (namespace_uri, root_element)
);

-- One row per accepted message and recipient. Never updated after insert: what happens to it lives in
-- message_status (append-only) and, for the recipient's side, in inbox.
CREATE TABLE messages (
    message_id           uuid PRIMARY KEY,
    kind                 text NOT NULL CHECK (kind IN ('request', 'response', 'broadcast')),
    sender               text NOT NULL,
    recipient            text NOT NULL,
    namespace_uri        text NOT NULL,
    root_element         text NOT NULL,
    reference_message_id uuid,
    transaction_code     text,
    is_test              boolean NOT NULL,
    content_sha256       bytea NOT NULL,
    content              text NOT NULL,     -- SenderProvidedRequestData as received
    accepted_at          timestamptz NOT NULL
);

CREATE TABLE message_status (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id  uuid NOT NULL REFERENCES messages,
    status      text NOT NULL CHECK (status IN ('accepted', 'queued', 'delivered', 'acknowledged',
                                                'answered', 'rejected', 'failed', 'expired')),
    at          timestamptz NOT NULL,
    actor       text NOT NULL,
    reason      text
);
CREATE INDEX message_status_by_message ON message_status (message_id, id);

-- Transactional outbox: written with the message, published to the broker by the relay.
CREATE TABLE outbox (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id    uuid NOT NULL REFERENCES messages,
    recipient     text NOT NULL,
    created_at    timestamptz NOT NULL,
    published_at  timestamptz
);
CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL;

-- The recipient's side: what the broker delivered and the recipient has not acknowledged yet.
-- available_at is the lease: a delivered message becomes available again when it passes.
CREATE TABLE inbox (
    recipient        text NOT NULL,
    message_id       uuid NOT NULL REFERENCES messages,
    kind             text NOT NULL,
    namespace_uri    text NOT NULL,
    root_element     text NOT NULL,
    received_at      timestamptz NOT NULL,
    available_at     timestamptz NOT NULL,
    delivery_count   integer NOT NULL DEFAULT 0,
    delivered_at     timestamptz,
    acknowledged_at  timestamptz,
    PRIMARY KEY (recipient, message_id)
);
CREATE INDEX inbox_waiting ON inbox (recipient, kind, received_at) WHERE acknowledged_at IS NULL;
