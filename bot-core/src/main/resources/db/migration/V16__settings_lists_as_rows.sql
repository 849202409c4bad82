-- A community's moderators, admins and announcement conversations become rows, so that naming a
-- moderator, removing an admin or announcing in one more conversation changes one row and never
-- rewrites a list another instance may be changing at the same moment. The newline-joined columns
-- of community_settings are split into the new tables, then dropped.

-- A member a community's admins named moderator or admin (role 'moderator' or 'admin'; both rows
-- may exist). display_name is the name the platform gave when they were named, NULL for rows
-- moved from the old columns; named_ms is 0 for those.
CREATE TABLE community_roles (
    community_id BIGINT NOT NULL REFERENCES communities (id),
    role         TEXT   NOT NULL,
    user_key     TEXT   NOT NULL,
    display_name TEXT,
    named_ms     BIGINT NOT NULL,
    PRIMARY KEY (community_id, role, user_key)
);

-- A group conversation published events, agendas and "starting soon" posts go to, as
-- platform|group id|conversation id. added_ms orders them; 0 for rows moved from the old column.
CREATE TABLE community_announcements (
    community_id BIGINT NOT NULL REFERENCES communities (id),
    conversation TEXT   NOT NULL,
    added_ms     BIGINT NOT NULL,
    PRIMARY KEY (community_id, conversation)
);

-- The split walks each list one character at a time (substr and length are all SQLite and
-- PostgreSQL share); a row whose remaining text starts with a newline holds a whole item.
-- The string literals below hold one newline character.
WITH RECURSIVE walk (community_id, role, rest, item) AS (
    SELECT community_id, CAST('moderator' AS TEXT), CAST(moderators || '
' AS TEXT), CAST('' AS TEXT)
    FROM community_settings
    UNION ALL
    SELECT community_id, CAST('admin' AS TEXT), CAST(admins || '
' AS TEXT), CAST('' AS TEXT)
    FROM community_settings
    UNION ALL
    SELECT community_id, role, substr(rest, 2),
           CASE WHEN substr(rest, 1, 1) = '
' THEN CAST('' AS TEXT) ELSE item || substr(rest, 1, 1) END
    FROM walk
    WHERE rest <> ''
)
INSERT INTO community_roles (community_id, role, user_key, display_name, named_ms)
SELECT DISTINCT community_id, role, item, CAST(NULL AS TEXT), 0
FROM walk
WHERE substr(rest, 1, 1) = '
' AND item <> '';

WITH RECURSIVE walk (community_id, rest, item) AS (
    SELECT community_id, CAST(announce_to || '
' AS TEXT), CAST('' AS TEXT)
    FROM community_settings
    UNION ALL
    SELECT community_id, substr(rest, 2),
           CASE WHEN substr(rest, 1, 1) = '
' THEN CAST('' AS TEXT) ELSE item || substr(rest, 1, 1) END
    FROM walk
    WHERE rest <> ''
)
INSERT INTO community_announcements (community_id, conversation, added_ms)
SELECT DISTINCT community_id, item, 0
FROM walk
WHERE substr(rest, 1, 1) = '
' AND item <> '';

ALTER TABLE community_settings DROP COLUMN moderators;
ALTER TABLE community_settings DROP COLUMN admins;
ALTER TABLE community_settings DROP COLUMN announce_to;
