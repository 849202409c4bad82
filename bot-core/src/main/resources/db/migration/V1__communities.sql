-- Communities, the platform groups linked to them, and the community each member used last.
-- ${id_column} is the one dialect difference: an auto-generated BIGINT primary key.

CREATE TABLE communities (
    id           ${id_column},
    name         TEXT   NOT NULL,
    zone         TEXT   NOT NULL,
    language     TEXT,
    default_city TEXT,
    created_ms   BIGINT NOT NULL
);

CREATE TABLE community_groups (
    group_key    TEXT   NOT NULL PRIMARY KEY,
    community_id BIGINT NOT NULL REFERENCES communities (id)
);

CREATE INDEX community_groups_by_community ON community_groups (community_id);

CREATE TABLE members (
    user_key     TEXT   NOT NULL PRIMARY KEY,
    community_id BIGINT NOT NULL REFERENCES communities (id),
    last_used_ms BIGINT NOT NULL
);
