-- What members asked to hear about with /subscribe: one row per member, community and word.
-- kind is family, slot, city or tag; value is the family or slot key, the city as the catalog
-- spells it, or the tag folded to lower case without accents. The display name and the language
-- are the member's as last seen subscribing, used to write them a direct message.

CREATE TABLE subscriptions (
    community_id BIGINT NOT NULL REFERENCES communities (id),
    user_key     TEXT   NOT NULL,
    kind         TEXT   NOT NULL,
    value        TEXT   NOT NULL,
    display_name TEXT   NOT NULL,
    language     TEXT   NOT NULL,
    created_ms   BIGINT NOT NULL,
    PRIMARY KEY (community_id, user_key, kind, value)
);

CREATE INDEX subscriptions_member ON subscriptions (user_key);
