-- A broadcast copy is reported in its sender's status stream under the broadcast's MessageID, the one the sender knows.
-- For a copy relayed from another site that broadcast exists only in that site's database (see 0010), so the event
-- names it by a plain id, not a foreign key.
ALTER TABLE status_events DROP CONSTRAINT status_events_message_id_fkey;
