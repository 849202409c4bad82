-- Settings a community changes with /settings, beyond the zone, language and default city kept in
-- communities. Lists are newline-separated: member keys (telegram:42) and conversation addresses.
-- A community without a row has the defaults (moderated, no announcement or moderators' chat).

CREATE TABLE community_settings (
    community_id     BIGINT NOT NULL PRIMARY KEY REFERENCES communities (id),
    mode             TEXT   NOT NULL,
    announce_to      TEXT   NOT NULL,
    moderators_chat  TEXT,
    moderators       TEXT   NOT NULL,
    admins           TEXT   NOT NULL,
    reminder_offsets TEXT   NOT NULL
);

-- The members each community has seen, with their name and the role they last had, so core can
-- name them in /settings and write to its moderators directly.
CREATE TABLE community_members (
    community_id BIGINT NOT NULL REFERENCES communities (id),
    user_key     TEXT   NOT NULL,
    display_name TEXT   NOT NULL,
    role         TEXT   NOT NULL,
    seen_ms      BIGINT NOT NULL,
    PRIMARY KEY (community_id, user_key)
);
