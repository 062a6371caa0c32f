-- The operator console searches messages by party, type, period and current status, and lists overdue requests.
-- A message's current status is the last row of its history; reading it per row does not scale to a search over
-- millions of messages, so the row carries it, written by StatusHistory in the transaction that appends the history.
-- answered_at is when the request was first answered or rejected: a recipient may acknowledge a request after
-- answering it, so the current status alone cannot say whether a request is still owed an answer.
ALTER TABLE messages
    ADD COLUMN current_status    text CHECK (current_status IN ('accepted', 'queued', 'delivered', 'acknowledged',
                                                               'answered', 'rejected', 'failed', 'expired')),
    ADD COLUMN current_status_at timestamptz,
    ADD COLUMN answered_at       timestamptz;

UPDATE messages m SET current_status = last.status, current_status_at = last.at
FROM (SELECT DISTINCT ON (message_id) message_id, status, at FROM message_status ORDER BY message_id, id DESC) last
WHERE last.message_id = m.message_id;

-- A row without history cannot come from the gateway; it is taken as accepted when it was accepted.
UPDATE messages SET current_status = 'accepted', current_status_at = accepted_at WHERE current_status IS NULL;

UPDATE messages m SET answered_at = answer.at
FROM (SELECT message_id, min(at) AS at FROM message_status WHERE status IN ('answered', 'rejected') GROUP BY message_id) answer
WHERE answer.message_id = m.message_id;

ALTER TABLE messages
    ALTER COLUMN current_status SET NOT NULL,
    ALTER COLUMN current_status_at SET NOT NULL;

-- Each search pages by (accepted_at, message_id) descending inside one of these ranges (sender's: 0005).
CREATE INDEX messages_by_time ON messages (accepted_at, message_id);
CREATE INDEX messages_by_recipient_time ON messages (recipient, accepted_at, message_id);
CREATE INDEX messages_by_status_time ON messages (current_status, accepted_at, message_id);
CREATE INDEX messages_by_type_time ON messages (namespace_uri, root_element, accepted_at, message_id);

-- Requests still owed an answer: small indexes, since an answered request leaves them. The first serves the overdue
-- lists per recipient; the second the search's newest-first pages of overdue requests, judging the deadline inside
-- the index instead of walking every message accepted since the newest overdue one.
CREATE INDEX messages_awaiting_answer ON messages (recipient, answer_due_at)
    WHERE answer_due_at IS NOT NULL AND answered_at IS NULL;
CREATE INDEX messages_awaiting_answer_by_time ON messages (accepted_at, message_id, answer_due_at)
    WHERE answer_due_at IS NOT NULL AND answered_at IS NULL;
