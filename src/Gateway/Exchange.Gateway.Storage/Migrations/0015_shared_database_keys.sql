-- All gateway nodes share one database, and the federation between sites that 0010 and 0011 made room for is removed:
-- the broker carries only a claim check, and a message's row is always written by the node that accepted it, together
-- with the request or broadcast it names. The links are foreign keys again, as 0002, 0003 and 0004 made them.
ALTER TABLE messages
    ADD CONSTRAINT messages_original_message_id_fkey FOREIGN KEY (original_message_id) REFERENCES messages,
    ADD CONSTRAINT messages_broadcast_message_id_fkey FOREIGN KEY (broadcast_message_id) REFERENCES messages;
ALTER TABLE status_events ADD CONSTRAINT status_events_message_id_fkey FOREIGN KEY (message_id) REFERENCES messages;
