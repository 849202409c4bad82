-- One-time codes that join another conversation's group to a community (/link), and the group's
-- own community, given back by /unlink.

CREATE TABLE link_codes (
    code         TEXT   NOT NULL PRIMARY KEY,
    community_id BIGINT NOT NULL REFERENCES communities (id),
    created_by   TEXT   NOT NULL,
    expires_ms   BIGINT NOT NULL
);

CREATE TABLE group_links (
    group_key        TEXT   NOT NULL PRIMARY KEY,
    own_community_id BIGINT NOT NULL REFERENCES communities (id)
);
