-- Whether entry is free, paid or unknown. Until now a member's suggestion, which never asks, was
-- stored as paid: those rows become 'unknown'; every other row (the samples) keeps what it said.
-- The old 'free' column stays, written as admission = 'free', so no table has to be rebuilt.

ALTER TABLE events ADD COLUMN admission TEXT NOT NULL DEFAULT 'unknown';

UPDATE events SET admission = CASE WHEN free THEN 'free' ELSE 'paid' END WHERE source <> 'suggestion';

UPDATE events SET admission = 'free' WHERE source = 'suggestion' AND free;
