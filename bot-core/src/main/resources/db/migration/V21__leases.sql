-- Leases: which instance holds a piece of work that only one may run at a time (the Telegram
-- poller of a bot token, a Discord shard), until when. A holder renews its lease every few
-- seconds; a lease not renewed by its expiry may be taken by another instance.

CREATE TABLE leases (
    lease_name  TEXT   NOT NULL PRIMARY KEY,
    holder      TEXT   NOT NULL,
    expires_ms  BIGINT NOT NULL
);
