-- Discord's budget of gateway logins (IDENTIFY) per bot token, shared by every instance on this
-- database: Discord allows `total` (1,000) a day per token and tells, in GET /gateway/bot, how many
-- remain and when the window resets. One row per token, keyed by a SHA-256 of the token (never the
-- token itself): the logins spent in the current window and when that window ends.

CREATE TABLE identify_budget (
    token_hash  TEXT    NOT NULL PRIMARY KEY,
    resets_ms   BIGINT  NOT NULL,
    total       INTEGER NOT NULL,
    spent       INTEGER NOT NULL
);
