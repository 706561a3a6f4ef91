-- Filing documents: the primary document of a filing (10-K, 10-Q, 8-K,
-- S-1, DEF 14A ...) as plain text, the passages of it that the analysis
-- read (competition, risk factors, other paragraphs naming companies), and
-- the companies each filer names as competitors there.
-- Also SEC fair-access pauses (a 403/429 from EDGAR stops EDGAR fetching
-- for a while, across runs) and each feed's success before the last one
-- (a docket feed only lists ~24 hours: a longer gap may have lost entries).

CREATE TABLE filing_documents (
    item_id     VARCHAR PRIMARY KEY,        -- the filing's item (filing_details.item_id)
    accession   VARCHAR,
    url         VARCHAR,                    -- the document read (primary document URL, or a bundled file)
    index_url   VARCHAR,                    -- the filing index page it was found on, if any
    fetched_at  TIMESTAMP NOT NULL,
    status      VARCHAR NOT NULL,           -- ok | truncated | error
    bytes       BIGINT,                     -- bytes read (at most the cap)
    truncated   BOOLEAN NOT NULL DEFAULT false,
    note        VARCHAR,                    -- why it was truncated or failed: never silent
    text_hash   VARCHAR,                    -- a new text makes the item's analysis stale
    text        VARCHAR,                    -- plain text of the document (NULL when it failed)
    attempts    INTEGER NOT NULL DEFAULT 1, -- failed documents are retried a few times
    run_id      BIGINT
);

-- Written by the analysis with the item's sentences (replaced together).
CREATE TABLE filing_passages (
    item_id         VARCHAR NOT NULL,
    passage_no      INTEGER NOT NULL,
    section         VARCHAR NOT NULL,       -- competition | risk_factors | other
    first_sentence  INTEGER,                -- the item_sentences it became (NULL: nothing to analyse)
    last_sentence   INTEGER,
    text            VARCHAR NOT NULL,
    PRIMARY KEY (item_id, passage_no)
);

CREATE TABLE source_pauses (
    source        VARCHAR PRIMARY KEY,      -- 'sec-edgar'
    paused_until  TIMESTAMP NOT NULL,
    status        INTEGER,                  -- the HTTP status that caused it
    reason        VARCHAR,
    set_at        TIMESTAMP NOT NULL
);

ALTER TABLE feed_state ADD COLUMN previous_success_at TIMESTAMP;

-- Companies a filer names in the competition and risk-factor passages of its
-- filings, one row per statement; stance `threat` or `benchmark` only where
-- the wording says so ("intense competition", "could adversely affect"), a
-- plain list of competitors is `neutral`.
CREATE VIEW filing_competitors AS
SELECT e.item_id, d.accession, d.form_type, e.speaker AS filer, e.target AS competitor, d.filed_at,
       p.text AS passage, p.section, e.stance, e.polarity, e.evidence, e.sentence_no, d.url,
       d.company_name, i.feed
FROM item_edges e
JOIN filing_passages p
  ON p.item_id = e.item_id AND e.sentence_no BETWEEN p.first_sentence AND p.last_sentence
JOIN filing_details d ON d.item_id = e.item_id
JOIN feed_items i ON i.item_id = e.item_id
WHERE p.section IN ('competition', 'risk_factors')
  AND e.speaker_via = 'feed_owner';
