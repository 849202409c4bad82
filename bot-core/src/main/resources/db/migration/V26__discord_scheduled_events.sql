-- Discord's native scheduled events, mirrored from a community's published events once an admin
-- turns it on with /settings discord-events on. Without a row it never was.
-- platform: the platform whose server holds the events (DISCORD).
-- server_id: the Discord guild the events are created in.
-- notice_to: the channel where it was turned on, where a missing permission is explained.
-- enabled_ms: when it was last turned on (epoch ms), NULL while it is off; outbox keys of a
--   mirroring round hold it, so turning it on again mirrors anew what a refusal left out.
CREATE TABLE scheduled_event_settings (
    community_id BIGINT NOT NULL PRIMARY KEY REFERENCES communities (id),
    platform     TEXT   NOT NULL,
    server_id    TEXT   NOT NULL,
    notice_to    TEXT   NOT NULL,
    enabled_ms   BIGINT
);

-- Which Discord scheduled event mirrors which occurrence (occurrence_ref: 42, or 42-1127 for a
-- date of series 42). Written right after Discord created the event; a crash between the two is
-- caught by the marker the event's description holds (see docs/discord.md).
-- cancelled: whether the Discord event was cancelled (it is never changed again).
CREATE TABLE scheduled_event_mirrors (
    community_id   BIGINT  NOT NULL REFERENCES communities (id),
    occurrence_ref TEXT    NOT NULL,
    server_id      TEXT    NOT NULL,
    remote_id      TEXT    NOT NULL,
    cancelled      BOOLEAN NOT NULL,
    updated_ms     BIGINT  NOT NULL,
    PRIMARY KEY (community_id, occurrence_ref)
);
