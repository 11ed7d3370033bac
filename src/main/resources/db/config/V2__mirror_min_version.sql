-- A mirror can name the first server version it works on (e.g. 12.2 for V$DIAG_ALERT_EXT); older targets skip it.
ALTER TABLE mirror_def ADD COLUMN min_version VARCHAR(16) NOT NULL DEFAULT '';
