-- When each participant last took a message (a GetRequest/GetResponse lease), for the console's participants page:
-- max(delivered_at) over the whole inbox would read every row of it. The lease writes it in its own transaction, and
-- only when the stored time is over a minute old, so a busy participant's leases do not queue on this one row.
CREATE TABLE participant_activity (
    participant  text PRIMARY KEY,
    last_take_at timestamptz NOT NULL
);

-- The console's audit search reads directory changes newest first within a period.
CREATE INDEX directory_audit_by_time ON directory_audit (at, id);
