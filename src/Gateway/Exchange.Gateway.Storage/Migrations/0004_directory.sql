-- The participant directory (issue 6): participants in the region's hierarchy, their information systems and
-- certificates, the business message types, who provides a type for which territory, and who may send what to
-- whom. Retiring keeps the row (messages and audit refer to it); permissions and providers are deleted outright.
-- Foreign keys are deferred so one import can add a district and its settlements in any order.
--
-- Before this migration the directory was seeded from the directory file at every start and kept no DER of the
-- certificates, so its tables are replaced rather than converted: the next start imports the file again.
DROP TABLE participant_certificates;
DROP TABLE message_type_providers;
DELETE FROM participants;

ALTER TABLE participants
    ADD COLUMN level      text NOT NULL CHECK (level IN ('regional_body', 'district', 'settlement', 'institution', 'portal')),
    ADD COLUMN parent     text REFERENCES participants DEFERRABLE INITIALLY DEFERRED,
    ADD COLUMN retired_at timestamptz,
    ADD CONSTRAINT participants_not_own_parent CHECK (parent <> mnemonic);

CREATE TABLE information_systems (
    mnemonic     text PRIMARY KEY,
    participant  text NOT NULL REFERENCES participants DEFERRABLE INITIALLY DEFERRED,
    name         text NOT NULL,
    retired_at   timestamptz
);

-- Several certificates per system at once: that is how a key is rolled over without a gap.
CREATE TABLE system_certificates (
    thumbprint   text PRIMARY KEY,          -- SHA-256 of the DER certificate, upper-case hex
    system       text NOT NULL REFERENCES information_systems DEFERRABLE INITIALLY DEFERRED,
    subject      text NOT NULL,
    not_before   timestamptz NOT NULL,
    not_after    timestamptz NOT NULL,
    der          bytea NOT NULL,
    retired_at   timestamptz
);

CREATE TABLE message_types (
    namespace_uri    text NOT NULL,
    root_element     text NOT NULL,
    name             text NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('request', 'response', 'broadcast')),
    broadcast_level  text CHECK (broadcast_level IN ('regional_body', 'district', 'settlement', 'institution', 'portal')),
    answer_days      integer CHECK (answer_days > 0),
    answer_day_kind  text CHECK (answer_day_kind IN ('calendar', 'working')),
    retired_at       timestamptz,
    PRIMARY KEY (namespace_uri, root_element),
    CHECK ((kind = 'broadcast') = (broadcast_level IS NOT NULL)),
    CHECK ((answer_days IS NULL) = (answer_day_kind IS NULL))
);

-- territory NULL: the provider for the whole region. A territory's own row wins over its ancestors'.
CREATE TABLE type_providers (
    namespace_uri  text NOT NULL,
    root_element   text NOT NULL,
    territory      text REFERENCES participants DEFERRABLE INITIALLY DEFERRED,
    provider       text NOT NULL REFERENCES participants DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (namespace_uri, root_element) REFERENCES message_types DEFERRABLE INITIALLY DEFERRED,
    UNIQUE NULLS NOT DISTINCT (namespace_uri, root_element, territory)
);

-- sender NULL: any participant. recipients: 'provider' (the type's provider, found by territory), 'any'
-- (any participant named in To), or 'participant' (only the one named in recipient).
CREATE TABLE permissions (
    sender         text REFERENCES participants DEFERRABLE INITIALLY DEFERRED,
    namespace_uri  text NOT NULL,
    root_element   text NOT NULL,
    recipients     text NOT NULL CHECK (recipients IN ('provider', 'any', 'participant')),
    recipient      text REFERENCES participants DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (namespace_uri, root_element) REFERENCES message_types DEFERRABLE INITIALLY DEFERRED,
    CHECK ((recipients = 'participant') = (recipient IS NOT NULL)),
    UNIQUE NULLS NOT DISTINCT (sender, namespace_uri, root_element, recipients, recipient)
);

-- Every directory change: who, when, what it was before and after (NULL before = added, NULL after = removed).
CREATE TABLE directory_audit (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      timestamptz NOT NULL,
    actor   text NOT NULL,
    entity  text NOT NULL,
    key     text NOT NULL,
    before  jsonb,
    after   jsonb
);
CREATE INDEX directory_audit_by_key ON directory_audit (entity, key, id);

-- A broadcast is stored once as sent and once per recipient; each copy has its own history and names the original.
ALTER TABLE messages ADD COLUMN broadcast_message_id uuid REFERENCES messages;
CREATE INDEX messages_by_broadcast ON messages (broadcast_message_id) WHERE broadcast_message_id IS NOT NULL;
