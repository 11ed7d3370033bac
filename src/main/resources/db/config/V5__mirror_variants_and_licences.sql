-- A mirror may read differently per server version (SHOW REPLICA STATUS from MySQL 8.0.22, CDB_ views from 12.1…), keep a
-- fixed set of columns whatever the read returns, and need a licensed option pack; a target says which packs it has.
CREATE TABLE mirror_variant (
    mirror_id     BIGINT         NOT NULL,
    ord           INT            NOT NULL,
    since_version VARCHAR(16)    NOT NULL DEFAULT '',
    below_version VARCHAR(16)    NOT NULL DEFAULT '',
    sql_text      TEXT           NOT NULL,
    -- result column=cache column pairs, one per line
    rename_text   VARCHAR(4000)  NOT NULL DEFAULT '',
    PRIMARY KEY (mirror_id, ord),
    CONSTRAINT fk_mirror_variant_mirror FOREIGN KEY (mirror_id) REFERENCES mirror_def (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE mirror_def ADD COLUMN keep_columns VARCHAR(4000) NOT NULL DEFAULT '';
ALTER TABLE mirror_def ADD COLUMN licence VARCHAR(16) NOT NULL DEFAULT '';
ALTER TABLE target ADD COLUMN licensed_packs VARCHAR(64) NOT NULL DEFAULT '';
