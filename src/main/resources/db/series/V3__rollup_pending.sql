-- Rollups leave the write path: a write records, in its own transaction, the time range it touched per series, and a
-- background pass (every few seconds, and before any read of the minute or hour levels) rebuilds those ranges and
-- deletes what it has done. A crash between the two loses nothing: the ranges wait in this table for the next start.
CREATE TABLE rollup_pending (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    series_id INT    NOT NULL,
    first_ts  BIGINT NOT NULL,
    last_ts   BIGINT NOT NULL
);
