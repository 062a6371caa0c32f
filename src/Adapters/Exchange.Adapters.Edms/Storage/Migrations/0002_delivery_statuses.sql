-- What the gateway's status stream said of the messages this EDMS sent (queued, delivered, rejected...), in the
-- order it handed them out: the clerk sees on an outgoing document whether it reached its addressee.
CREATE TABLE delivery_statuses (
    id bigserial PRIMARY KEY,
    message_id uuid NOT NULL,
    category text NOT NULL,
    details text,
    received_at timestamptz NOT NULL
);
CREATE INDEX delivery_statuses_by_message ON delivery_statuses (message_id, id);
