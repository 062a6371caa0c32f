-- What the console's dashboard draws: each node's counts per minute (messages accepted, queued, delivered,
-- acknowledged, failed; faults by code; accepted by sender; delivery latency as log-scale bucket counts), written by
-- the node every few seconds. The node is part of the key so that nodes never update the same row; the dashboard sums
-- them. Reading 24 hours is a range of this primary key, never a scan of the messages.
CREATE TABLE activity_minutes (
    minute  timestamptz NOT NULL CHECK (date_trunc('minute', minute) = minute),
    node    text NOT NULL,
    metric  text NOT NULL,
    key     text NOT NULL,
    count   bigint NOT NULL CHECK (count >= 0),
    PRIMARY KEY (minute, node, metric, key)
);
