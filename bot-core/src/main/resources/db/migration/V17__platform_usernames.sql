-- The usernames the bot has seen people use (a Telegram @username), so that a command naming
-- @bob reaches the account behind it. username is lower case without @; the latest sighting wins
-- and a person keeps at most one row per platform.

CREATE TABLE platform_usernames (
    platform     TEXT   NOT NULL,
    username     TEXT   NOT NULL,
    user_id      TEXT   NOT NULL,
    display_name TEXT   NOT NULL,
    seen_ms      BIGINT NOT NULL,
    PRIMARY KEY (platform, username)
);

CREATE INDEX platform_usernames_by_user ON platform_usernames (platform, user_id);
