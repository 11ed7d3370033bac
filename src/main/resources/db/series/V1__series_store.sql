-- The embedded series store (H2). Raw points are keyed by (series, time), so writing a point twice keeps one: a spool
-- replayed after an outage can never double a value. Rollups keep sum/count/min/max per minute and per hour, rebuilt
-- from the finer level for every bucket a write touched, so late points correct them instead of being lost.

CREATE TABLE series (
    id     INT AUTO_INCREMENT PRIMARY KEY,
    metric VARCHAR(128)  NOT NULL,
    tags   VARCHAR(2000) NOT NULL,
    CONSTRAINT uq_series UNIQUE (metric, tags)
);

CREATE TABLE point_raw (
    series_id INT              NOT NULL,
    ts        BIGINT           NOT NULL,
    v         DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (series_id, ts)
);

CREATE TABLE point_1m (
    series_id INT              NOT NULL,
    ts        BIGINT           NOT NULL,
    v_sum     DOUBLE PRECISION NOT NULL,
    v_n       INT              NOT NULL,
    v_min     DOUBLE PRECISION NOT NULL,
    v_max     DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (series_id, ts)
);

CREATE TABLE point_1h (
    series_id INT              NOT NULL,
    ts        BIGINT           NOT NULL,
    v_sum     DOUBLE PRECISION NOT NULL,
    v_n       INT              NOT NULL,
    v_min     DOUBLE PRECISION NOT NULL,
    v_max     DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (series_id, ts)
);

-- minute buckets written to since the last rollup
CREATE TABLE rollup_dirty (
    series_id INT    NOT NULL,
    bucket    BIGINT NOT NULL,
    PRIMARY KEY (series_id, bucket)
);
