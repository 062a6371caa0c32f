-- A response or a broadcast copy relayed from another site's gateway names a request or broadcast that exists only in
-- that site's database (DESIGN.md: no step may assume sender and recipient share a database). The inbox stores such a
-- message as it arrives, so these links are plain ids, not foreign keys.
ALTER TABLE messages
    DROP CONSTRAINT messages_original_message_id_fkey,
    DROP CONSTRAINT messages_broadcast_message_id_fkey;
