-- Each sender's status stream (SMEV's GetStatus): what became of the messages it sent, in order, each event
-- handed out once. Written in the same transaction as the status history row it reports.
CREATE TABLE status_events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    participant  text NOT NULL,
    message_id   uuid NOT NULL REFERENCES messages,
    category     text NOT NULL,
    details      text,
    created_at   timestamptz NOT NULL,
    taken_at     timestamptz
);
CREATE INDEX status_events_waiting ON status_events (participant, id) WHERE taken_at IS NULL;
