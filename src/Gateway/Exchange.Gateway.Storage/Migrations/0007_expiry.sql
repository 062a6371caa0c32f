-- SendRequest's EOL: stored with the message, and copied into the recipient's inbox row so that leasing and the
-- expiry sweep need no join. expired_at marks an inbox row the sweep (or a late arrival) expired: never leased again.
ALTER TABLE messages ADD COLUMN end_of_life timestamptz;
ALTER TABLE inbox ADD COLUMN end_of_life timestamptz, ADD COLUMN expired_at timestamptz;

-- What the expiry sweep looks for: unacknowledged rows with an EOL, earliest first.
CREATE INDEX inbox_expiring ON inbox (end_of_life)
    WHERE end_of_life IS NOT NULL AND acknowledged_at IS NULL AND expired_at IS NULL;

-- A recipient's waiting messages, counted (index only) for DestinationOverflow.
CREATE INDEX inbox_waiting_by_recipient ON inbox (recipient) WHERE acknowledged_at IS NULL AND expired_at IS NULL;
