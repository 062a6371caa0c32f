-- Registration journals: a document is registered under <code>/<n>; last_number is taken with the row locked in the
-- registering transaction, so numbers have no gaps (a rolled-back registration gives its number back).
CREATE TABLE journals (
    code         text PRIMARY KEY,
    title        text NOT NULL,
    last_number  integer NOT NULL DEFAULT 0
);

INSERT INTO journals (code, title) VALUES
    ('01-15', 'Incoming correspondence'),
    ('01-16', 'Outgoing correspondence'),
    ('02-01', 'Citizens'' appeals (59-FZ)'),
    ('03-01', 'Applications for public services');

CREATE TABLE documents (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    journal             text NOT NULL REFERENCES journals (code),
    number              integer NOT NULL,
    kind                text NOT NULL CHECK (kind IN ('incoming', 'outgoing', 'appeal', 'application')),
    business_type       text NOT NULL,
    unknown_type        boolean NOT NULL DEFAULT false,
    -- Incoming: the MessageID it came with (a message delivered twice is registered once); outgoing: the one it is sent with.
    message_id          uuid UNIQUE,
    correspondent       text,
    correspondent_name  text,
    reply_to            text,
    -- What the SDK found of the sender's own signature (proven, unsigned, invalid, untrusted); null when written here.
    authorship          text,
    applicant           text,
    subject             text NOT NULL,
    body                text NOT NULL,
    content             text,
    registered_at       timestamptz NOT NULL,
    answers             bigint REFERENCES documents (id),
    search              tsvector GENERATED ALWAYS AS (
                            to_tsvector('russian', subject || ' ' || body || ' ' || coalesce(applicant, '') || ' ' || coalesce(correspondent_name, ''))
                            || to_tsvector('simple', subject || ' ' || body || ' ' || coalesce(applicant, '') || ' ' || coalesce(correspondent_name, ''))) STORED,
    UNIQUE (journal, number)
);

CREATE INDEX documents_search ON documents USING gin (search);
CREATE INDEX documents_registered_at ON documents (registered_at);
CREATE INDEX documents_correspondent ON documents (correspondent);

CREATE TABLE document_files (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id  bigint NOT NULL REFERENCES documents (id),
    name         text NOT NULL,
    mime_type    text NOT NULL,
    content      bytea NOT NULL,
    sha256       bytea NOT NULL
);

CREATE INDEX document_files_document ON document_files (document_id);

-- Operational control: one card per registered incoming document or appeal.
CREATE TABLE control_cards (
    document_id  bigint PRIMARY KEY REFERENCES documents (id),
    executor     text,
    due_at       timestamptz,
    closed_at    timestamptz
);

CREATE INDEX control_cards_open_by_due ON control_cards (due_at) WHERE closed_at IS NULL;

-- What came back through the exchange for our outgoing documents: receipts, answers, rejections.
CREATE TABLE exchange_responses (
    message_id           uuid PRIMARY KEY,
    original_message_id  uuid NOT NULL,
    document_id          bigint REFERENCES documents (id),
    sender               text,
    business_type        text,
    content              text,
    rejections           text[] NOT NULL,
    received_at          timestamptz NOT NULL
);

CREATE INDEX exchange_responses_document ON exchange_responses (document_id);
