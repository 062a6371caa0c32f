-- Which node wrote a status: each node names its connections after itself (Npgsql's Application Name), so the history
-- records it without every writer passing it. Null for history written before this or by a connection naming no node.
-- Added first without a default: a default given with ADD COLUMN is evaluated once and written into every existing row,
-- which would credit the whole past history to the node that ran this migration.
ALTER TABLE message_status ADD COLUMN node text;
ALTER TABLE message_status ALTER COLUMN node SET DEFAULT nullif(current_setting('application_name'), '');

-- An operator may requeue a failed message (a new delivery) or discard it: both are statuses of its history.
ALTER TABLE message_status DROP CONSTRAINT message_status_status_check,
    ADD CONSTRAINT message_status_status_check CHECK (status IN ('accepted', 'queued', 'delivered', 'acknowledged',
        'answered', 'rejected', 'failed', 'expired', 'requeued', 'discarded'));
ALTER TABLE messages DROP CONSTRAINT messages_current_status_check,
    ADD CONSTRAINT messages_current_status_check CHECK (current_status IN ('accepted', 'queued', 'delivered', 'acknowledged',
        'answered', 'rejected', 'failed', 'expired', 'requeued', 'discarded'));

-- What console users did that the law or the region asks to account for: opening a message's content, requeueing or
-- discarding a message; each with the reason the user gave. Append-only; directory changes stay in directory_audit.
CREATE TABLE console_audit (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor       text NOT NULL,
    action      text NOT NULL CHECK (action IN ('content_opened', 'requeued', 'discarded')),
    message_id  uuid REFERENCES messages,
    reason      text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    node        text DEFAULT nullif(current_setting('application_name'), '')
);
CREATE INDEX console_audit_by_time ON console_audit (at, id);
CREATE INDEX console_audit_by_actor ON console_audit (actor, at, id);
CREATE INDEX console_audit_by_message ON console_audit (message_id, id) WHERE message_id IS NOT NULL;
