-- People known to this service, recorded from their sign-in (OIDC token claims, or the demo directory).
CREATE TABLE users (
    id              UUID         PRIMARY KEY,
    subject         TEXT         NOT NULL UNIQUE,
    username        TEXT         NOT NULL UNIQUE,
    display_name    TEXT         NOT NULL,
    email           TEXT,
    platform_roles  TEXT         NOT NULL DEFAULT '',
    created_at      TIMESTAMPTZ  NOT NULL,
    last_seen_at    TIMESTAMPTZ  NOT NULL
);
