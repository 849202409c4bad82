-- A small key-value store adapters use for their own bookkeeping.

CREATE TABLE state_entries (
    state_key   TEXT NOT NULL PRIMARY KEY,
    state_value TEXT NOT NULL
);
