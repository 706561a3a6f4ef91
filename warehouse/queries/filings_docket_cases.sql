-- Court cases of the docket feeds, most recently active first: entries,
-- first and last entry dates, the catalog companies named. No parameters.
SELECT court, case_number, any_value(case_name) AS case_name, count(*) AS entries,
       min(filed_at) AS first_entry, max(filed_at) AS last_entry,
       list_sort(list_distinct(flatten(list(parties)))) AS parties
FROM docket_entries
GROUP BY court, case_number
ORDER BY last_entry DESC NULLS LAST, case_number
