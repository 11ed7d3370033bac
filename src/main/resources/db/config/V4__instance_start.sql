-- The instance start last seen on each target, so a restart that happened while no collector watched is still told
-- once when collection resumes.
CREATE TABLE instance_start (
    target_id   BIGINT        NOT NULL PRIMARY KEY,
    started_at  TIMESTAMP(3)  NOT NULL,
    seen_at     TIMESTAMP(3)  NOT NULL
);
