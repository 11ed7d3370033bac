-- The config store: targets, mirror definitions and metric definitions.
-- One script for embedded H2 and MySQL/MariaDB. H2 runs it in MySQL mode (it accepts ENGINE/CHARSET and TEXT there),
-- with IGNORECASE so that unique names compare like MariaDB's utf8mb4_unicode_ci: "Prod" and "PROD" are one name.
-- Lists (tags, a metric's mirrors and label columns) are child tables with an order column, not delimited text,
-- so a tag or column name can hold any character and a team's DBA can query them.

CREATE TABLE target (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(64)   NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    host          VARCHAR(255)  NOT NULL DEFAULT '',
    port          INT           NOT NULL DEFAULT 0,
    connect_by    VARCHAR(16)   NOT NULL,
    database_name VARCHAR(255)  NOT NULL DEFAULT '',
    tns_admin     VARCHAR(1024) NOT NULL DEFAULT '',
    user_name     VARCHAR(128)  NOT NULL DEFAULT '',
    -- AES-GCM, see SecretBox; never the plain password
    password_enc  VARCHAR(512)  NOT NULL DEFAULT '',
    enabled       BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at    TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_target_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE target_tag (
    target_id BIGINT      NOT NULL,
    ord       INT         NOT NULL,
    tag       VARCHAR(32) NOT NULL,
    PRIMARY KEY (target_id, ord),
    CONSTRAINT fk_target_tag_target FOREIGN KEY (target_id) REFERENCES target (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE mirror_def (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    name             VARCHAR(64)   NOT NULL,
    kind             VARCHAR(16)   NOT NULL,
    sql_text         TEXT          NOT NULL,
    cache_table      VARCHAR(60)   NOT NULL,
    interval_s       INT           NOT NULL,
    row_cap          INT           NOT NULL,
    mirror_mode      VARCHAR(8)    NOT NULL,
    watermark_column VARCHAR(128)  NOT NULL DEFAULT '',
    enabled          BOOLEAN       NOT NULL DEFAULT TRUE,
    description      VARCHAR(1000) NOT NULL DEFAULT '',
    created_at       TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at       TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_mirror_name UNIQUE (kind, name),
    CONSTRAINT uq_mirror_table UNIQUE (kind, cache_table)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE metric_def (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    name         VARCHAR(64)   NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    sql_text     TEXT          NOT NULL,
    freshness_s  INT           NOT NULL,
    metric_type  VARCHAR(8)    NOT NULL,
    unit         VARCHAR(32)   NOT NULL DEFAULT '',
    interval_s   INT           NOT NULL,
    warn_at      DOUBLE        NULL,
    crit_at      DOUBLE        NULL,
    privileges   VARCHAR(2000) NOT NULL DEFAULT '',
    enabled      BOOLEAN       NOT NULL DEFAULT TRUE,
    description  VARCHAR(1000) NOT NULL DEFAULT '',
    created_at   TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at   TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_metric_name UNIQUE (kind, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE metric_mirror (
    metric_id   BIGINT      NOT NULL,
    ord         INT         NOT NULL,
    mirror_name VARCHAR(64) NOT NULL,
    PRIMARY KEY (metric_id, ord),
    CONSTRAINT fk_metric_mirror_metric FOREIGN KEY (metric_id) REFERENCES metric_def (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE metric_label (
    metric_id   BIGINT       NOT NULL,
    ord         INT          NOT NULL,
    column_name VARCHAR(128) NOT NULL,
    PRIMARY KEY (metric_id, ord),
    CONSTRAINT fk_metric_label_metric FOREIGN KEY (metric_id) REFERENCES metric_def (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
