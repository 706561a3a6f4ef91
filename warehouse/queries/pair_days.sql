-- Statements per speaker -> target pair, stance and day: the base of the
-- rivalry matrix, network, stance mix, top pairs and pair momentum (the
-- dashboard caches it per snapshot, then filters and sums it).
-- A statement is an edge counted once per story: copies of a story carrying
-- the same evidence for the same pair count once, on the first copy's day.
-- `polarity_sum` / `edges` is the mean polarity. Reads the roll-up pair_day_counts
-- (migration 0007), kept current by the writer. No parameters.
SELECT day, speaker, target, stance, edges, polarity_sum
FROM pair_day_counts
ORDER BY day, speaker, target, stance
