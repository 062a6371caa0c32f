-- ASP.NET Core's data-protection key ring (it protects console session cookies and antiforgery tokens), shared by
-- every node so that a user's session and forms work whichever node the load balancer picks.
CREATE TABLE data_protection_keys (
    name        text PRIMARY KEY,
    xml         text NOT NULL,
    stored_at   timestamptz NOT NULL DEFAULT now()
);
