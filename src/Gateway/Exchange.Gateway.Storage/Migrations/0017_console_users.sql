-- Users of the operator console. The password is kept only as the hash ASP.NET Core Identity's PasswordHasher makes
-- (PBKDF2 with a salt of its own); the audit (directory_audit, entity console_user) never sees it. A user is disabled,
-- never deleted, since the audit and the console's actions name it.
CREATE TABLE console_users (
    name                text PRIMARY KEY CHECK (name ~ '^[a-z0-9._-]{1,64}$'),
    password_hash       text NOT NULL,
    roles               text[] NOT NULL CHECK (roles <@ ARRAY['operator', 'content_reader', 'administrator']),
    is_disabled         boolean NOT NULL DEFAULT false,
    -- Wrong passwords since the last sign-in or lockout; at the configured number the user is locked until locked_until.
    failed_attempts     integer NOT NULL DEFAULT 0,
    locked_until        timestamptz,
    created_at          timestamptz NOT NULL,
    created_by          text NOT NULL,
    password_changed_at timestamptz NOT NULL,
    last_sign_in_at     timestamptz
);
