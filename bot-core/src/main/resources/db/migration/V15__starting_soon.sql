-- A community's "starting soon" post, set with /settings soon. Without a row it is off.
-- lead_minutes: how long before an event starts it is announced, 5 to 1440.

CREATE TABLE starting_soon_settings (
    community_id BIGINT  NOT NULL PRIMARY KEY REFERENCES communities (id),
    lead_minutes INTEGER NOT NULL
);
