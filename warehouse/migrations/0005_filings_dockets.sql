-- Filings (SEC EDGAR) and docket entries (PACER, CourtListener) as
-- first-class records beside their feed items.

CREATE TABLE filing_details (
    item_id       VARCHAR PRIMARY KEY,
    accession     VARCHAR NOT NULL,
    form_type     VARCHAR,
    cik           VARCHAR,
    company_name  VARCHAR,       -- as EDGAR spells the filer
    company       VARCHAR,       -- catalog company id of the filer, when known
    role          VARCHAR,       -- Filer | Reporting | Issuer | Subject ... (latest-filings feeds)
    filed_at      TIMESTAMP,
    url           VARCHAR
);

CREATE TABLE docket_details (
    item_id       VARCHAR PRIMARY KEY,
    court         VARCHAR,
    case_number   VARCHAR NOT NULL,
    case_name     VARCHAR,
    entry_number  INTEGER,
    filed_at      TIMESTAMP,
    description   VARCHAR,
    url           VARCHAR
);

CREATE VIEW filings AS
SELECT d.item_id, d.accession, d.form_type, d.cik, d.company, d.filed_at, d.url,
       d.company_name, d.role, i.feed, i.title
FROM filing_details d
JOIN feed_items i USING (item_id);

-- `parties`: catalog companies named in the case title or entry.
CREATE VIEW docket_entries AS
SELECT d.item_id, d.court, d.case_number, d.case_name, d.entry_number, d.filed_at, d.description, d.url,
       i.feed,
       (SELECT list(DISTINCT m.company ORDER BY m.company) FROM item_mentions m
        WHERE m.item_id = d.item_id) AS parties
FROM docket_details d
JOIN feed_items i USING (item_id);
