-- Alerting: rules (configuration, like mirrors and metrics), notification channels and mute windows, then the state
-- the collector keeps so that a restart neither re-fires what already fired nor forgets what is firing: open alerts,
-- their history, and events (alert-log entries, alert changes, instance restarts) shown as markers on charts.

CREATE TABLE alert_rule (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    name         VARCHAR(64)   NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    rule_type    VARCHAR(16)   NOT NULL,
    subject      VARCHAR(128)  NOT NULL DEFAULT '',
    -- "tablespace_name=USERS" lines; empty = every series of the metric, one by one
    label_filter VARCHAR(1000) NOT NULL DEFAULT '',
    direction    VARCHAR(8)    NOT NULL DEFAULT 'ABOVE',
    warn_at      DOUBLE        NULL,
    crit_at      DOUBLE        NULL,
    hold_s       INT           NOT NULL DEFAULT 0,
    recovery     DOUBLE        NOT NULL DEFAULT 0,
    missed       INT           NOT NULL DEFAULT 0,
    enabled      BOOLEAN       NOT NULL DEFAULT TRUE,
    description  VARCHAR(1000) NOT NULL DEFAULT '',
    created_at   TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at   TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_alert_rule_name UNIQUE (kind, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE notify_channel (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(64)   NOT NULL,
    channel_type  VARCHAR(16)   NOT NULL,
    -- a URL for webhooks, host:port for SMTP
    endpoint      VARCHAR(1024) NOT NULL DEFAULT '',
    user_name     VARCHAR(255)  NOT NULL DEFAULT '',
    -- AES-GCM, see SecretBox: the SMTP password or a webhook's signing secret
    secret_enc    VARCHAR(512)  NOT NULL DEFAULT '',
    sender        VARCHAR(255)  NOT NULL DEFAULT '',
    recipients    VARCHAR(2000) NOT NULL DEFAULT '',
    min_severity  VARCHAR(8)    NOT NULL DEFAULT 'WARN',
    repeat_min    INT           NOT NULL DEFAULT 60,
    send_resolved BOOLEAN       NOT NULL DEFAULT TRUE,
    enabled       BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at    TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_channel_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE mute_window (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    -- empty = every target
    target_name VARCHAR(64)   NOT NULL DEFAULT '',
    -- empty = every rule
    rule_name   VARCHAR(64)   NOT NULL DEFAULT '',
    starts_at   TIMESTAMP(3)  NOT NULL,
    ends_at     TIMESTAMP(3)  NOT NULL,
    reason      VARCHAR(500)  NOT NULL DEFAULT '',
    created_by  VARCHAR(128)  NOT NULL DEFAULT ''
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Alert-log lines that are not worth an event: a substring, or an ORA- code such as ORA-03136.
CREATE TABLE event_ignore (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    pattern  VARCHAR(500)  NOT NULL,
    note     VARCHAR(500)  NOT NULL DEFAULT '',
    CONSTRAINT uq_event_ignore UNIQUE (pattern)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per alert that is not OK: PENDING, FIRING, or RESOLVED until it is shown once.
CREATE TABLE alert_state (
    rule_name    VARCHAR(64)   NOT NULL,
    target_id    BIGINT        NOT NULL,
    series       VARCHAR(500)  NOT NULL DEFAULT '',
    target_name  VARCHAR(64)   NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    severity     VARCHAR(8)    NOT NULL,
    value_at     DOUBLE        NULL,
    pending_at   TIMESTAMP(3)  NOT NULL,
    fired_at     TIMESTAMP(3)  NULL,
    changed_at   TIMESTAMP(3)  NOT NULL,
    notified_at  TIMESTAMP(3)  NULL,
    ack_by       VARCHAR(128)  NOT NULL DEFAULT '',
    ack_comment  VARCHAR(1000) NOT NULL DEFAULT '',
    ack_at       TIMESTAMP(3)  NULL,
    detail       VARCHAR(2000) NOT NULL DEFAULT '',
    PRIMARY KEY (rule_name, target_id, series)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE alert_history (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    rule_name   VARCHAR(64)   NOT NULL,
    target_id   BIGINT        NOT NULL,
    series      VARCHAR(500)  NOT NULL DEFAULT '',
    target_name VARCHAR(64)   NOT NULL,
    from_state  VARCHAR(16)   NOT NULL,
    to_state    VARCHAR(16)   NOT NULL,
    severity    VARCHAR(8)    NOT NULL,
    value_at    DOUBLE        NULL,
    at_time     TIMESTAMP(3)  NOT NULL,
    detail      VARCHAR(2000) NOT NULL DEFAULT ''
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_alert_history_time ON alert_history (at_time);

-- Things that happened at a moment: alert-log entries, alert changes, instance restarts.
CREATE TABLE vigil_event (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    target_id   BIGINT        NOT NULL,
    target_name VARCHAR(64)   NOT NULL,
    at_time     TIMESTAMP(3)  NOT NULL,
    event_type  VARCHAR(16)   NOT NULL,
    category    VARCHAR(32)   NOT NULL DEFAULT '',
    severity    VARCHAR(8)    NOT NULL DEFAULT 'INFO',
    code        VARCHAR(32)   NOT NULL DEFAULT '',
    text_body   TEXT          NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_vigil_event_target_time ON vigil_event (target_id, at_time);
