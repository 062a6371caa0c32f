-- A response names the request it answers; the request's history records the answer.
ALTER TABLE messages ADD COLUMN original_message_id uuid REFERENCES messages;
CREATE INDEX messages_by_original ON messages (original_message_id) WHERE original_message_id IS NOT NULL;
