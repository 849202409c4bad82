-- A community's weekly agenda, set with /settings agenda. Without a row the agenda is on when the
-- community has an announcement conversation, on Mondays at 09:00 local time.
-- enabled: 1 on, 0 off; day_of_week: 1 (Monday) to 7 (Sunday); minute_of_day: 0 to 1439.

CREATE TABLE agenda_settings (
    community_id  BIGINT  NOT NULL PRIMARY KEY REFERENCES communities (id),
    enabled       INTEGER NOT NULL,
    day_of_week   INTEGER NOT NULL,
    minute_of_day INTEGER NOT NULL
);
