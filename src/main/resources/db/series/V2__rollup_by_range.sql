-- Rollups are now rebuilt from each written series' time range, read through the primary key; the list of dirty
-- buckets is no longer needed.
DROP TABLE rollup_dirty;
