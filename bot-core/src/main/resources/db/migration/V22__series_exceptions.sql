-- One date of a recurring series that no longer follows its rule (RFC 5545): cancelled (an
-- EXDATE) or overridden (a RECURRENCE-ID) with its own start, end, title or place. A row holds the
-- whole date as it now stands, so it also keeps a past date as it was when the series changes
-- from a later date on. original_date is the date's community-local day (yyyy-mm-dd) under the
-- rule: its reference (42-1203) keeps naming it after its time moves to another day.

CREATE TABLE series_exceptions (
    event_id      BIGINT  NOT NULL REFERENCES events (id),
    original_date TEXT    NOT NULL,
    cancelled     BOOLEAN NOT NULL,
    start_ms      BIGINT  NOT NULL,
    end_ms        BIGINT  NOT NULL,
    title         TEXT    NOT NULL,
    city          TEXT,
    venue         TEXT,
    updated_ms    BIGINT  NOT NULL,
    PRIMARY KEY (event_id, original_date)
);
