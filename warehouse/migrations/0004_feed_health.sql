-- Feed health for `rivalwatch refresh`: what to send next time (conditional
-- GET), what came back last time, and when to check again (backoff).
-- One row per configured feed, keyed on its name in feeds.toml.
CREATE TABLE feed_state (
    feed                VARCHAR PRIMARY KEY,      -- name in feeds.toml; `feed` in the views
    config_url          VARCHAR NOT NULL,         -- URL as configured; changing it resets the row
    fetch_url           VARCHAR NOT NULL,         -- URL fetched: config_url, or where a repeated permanent redirect led
    kind                VARCHAR NOT NULL DEFAULT 'news',
    owner               VARCHAR,
    interval_s          DOUBLE NOT NULL,          -- seconds between checks of a healthy feed
    enabled             BOOLEAN NOT NULL DEFAULT true,   -- `enabled` in feeds.toml
    in_config           BOOLEAN NOT NULL DEFAULT true,   -- false once the feed left feeds.toml
    etag                VARCHAR,                  -- sent back as If-None-Match
    last_modified       VARCHAR,                  -- sent back as If-Modified-Since
    body_hash           VARCHAR,                  -- sha256 of the last parsed body: same body, no parse
    last_status         INTEGER,                  -- HTTP status of the last attempt (NULL: no answer)
    last_outcome        VARCHAR,                  -- fetched | not_modified | unchanged | error
    last_fetch_at       TIMESTAMP,
    last_success_at     TIMESTAMP,
    next_check_at       TIMESTAMP,                -- not fetched before this (interval, backoff, Retry-After)
    error_count         INTEGER NOT NULL DEFAULT 0,   -- consecutive failures
    first_failure_at    TIMESTAMP,                -- start of the current run of failures
    last_error          VARCHAR,
    disabled_at         TIMESTAMP,                -- set by 410 Gone or 30 days of failure
    disabled_reason     VARCHAR,
    redirect_candidate  VARCHAR,                  -- where permanent redirects led lately
    redirect_count      INTEGER NOT NULL DEFAULT 0,   -- in a row; adopted as fetch_url at 3
    last_new_items      INTEGER NOT NULL DEFAULT 0,
    updated_at          TIMESTAMP NOT NULL
);
