-- Attachments (SMEV's AttachmentContentList), stored with their message in the transaction that accepts it and
-- copied with it into a remote site's database by the inbox. Headers stay inside the message's signed content;
-- these rows hold the bytes and what identifies them.
CREATE TABLE message_attachments (
    message_id  uuid NOT NULL REFERENCES messages,
    content_id  text NOT NULL,
    ordinal     integer NOT NULL,          -- position in the sender's AttachmentContentList
    mime_type   text NOT NULL,
    size        bigint NOT NULL CHECK (size >= 0),
    sha256      bytea NOT NULL,
    content     bytea NOT NULL,
    PRIMARY KEY (message_id, content_id)
);

-- The daily attachment quota sums a sender's recent messages.
CREATE INDEX messages_by_sender_time ON messages (sender, accepted_at);
