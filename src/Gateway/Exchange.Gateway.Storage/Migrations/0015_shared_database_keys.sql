-- All gateway nodes share one database, and the federation between sites that 0010 and 0011 made room for is removed:
-- the broker carries only a claim check, and a message's row is always written by the node that accepted it, together
-- with the request or broadcast it names. The links are foreign keys again, as 0002, 0003 and 0004 made them.
-- Rows naming a message this database does not have could only come from outside Exchange; they are counted and named
-- first, so that the migration stops with a reason instead of a bare constraint violation, and nothing is deleted.
DO $$
DECLARE
    dangling_responses bigint;
    dangling_copies bigint;
    dangling_events bigint;
BEGIN
    SELECT count(*) INTO dangling_responses FROM messages m
    WHERE m.original_message_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM messages o WHERE o.message_id = m.original_message_id);
    SELECT count(*) INTO dangling_copies FROM messages m
    WHERE m.broadcast_message_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM messages b WHERE b.message_id = m.broadcast_message_id);
    SELECT count(*) INTO dangling_events FROM status_events e
    WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.message_id = e.message_id);
    IF dangling_responses + dangling_copies + dangling_events > 0 THEN
        RAISE EXCEPTION 'migration 0015 cannot link messages again: % messages name a request and % a broadcast, and % status events a message, that this database does not have (rows written from outside Exchange); move them aside and start again',
            dangling_responses, dangling_copies, dangling_events;
    END IF;
END $$;

ALTER TABLE messages
    ADD CONSTRAINT messages_original_message_id_fkey FOREIGN KEY (original_message_id) REFERENCES messages,
    ADD CONSTRAINT messages_broadcast_message_id_fkey FOREIGN KEY (broadcast_message_id) REFERENCES messages;
ALTER TABLE status_events ADD CONSTRAINT status_events_message_id_fkey FOREIGN KEY (message_id) REFERENCES messages;
