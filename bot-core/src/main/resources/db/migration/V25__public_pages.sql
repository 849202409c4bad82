-- A community's public web agenda, turned on with /settings web on. Without a row it never was.
-- slug: the unguessable part of the page's address (random, never the chat id); kept when the
--   page is turned off, so that turning it back on gives the same address.
-- enabled: whether the page is served now.

CREATE TABLE public_pages (
    community_id BIGINT      NOT NULL PRIMARY KEY REFERENCES communities (id),
    slug         VARCHAR(64) NOT NULL UNIQUE,
    enabled      BOOLEAN     NOT NULL
);
