-- 004 Publishing: what exactly-once delivery of approved notices needs, and the ledger of scheduled job runs.
-- Times are UTC TIMESTAMPs, as everywhere else in the warehouse.

-- The outbox of 001 keeps one row per notice and channel, keyed by the idempotency key; a delivery attempt is recorded
-- on that row (attempts, next_attempt_at, last_error). These columns say when the row was enqueued, when it was last
-- tried and what the channel answered when it took the notice (the file it wrote, the HTTP status it got).
ALTER TABLE publication_outbox ADD COLUMN created_at TIMESTAMP;
ALTER TABLE publication_outbox ADD COLUMN last_attempt_at TIMESTAMP;
ALTER TABLE publication_outbox ADD COLUMN receipt VARCHAR;

-- A random name this warehouse gets once, written into every idempotency key. Notice ids restart at 1 in a new
-- warehouse; without this, a receiver that remembers keys would take a new notice for a re-sent old one.
CREATE TABLE publication_source (
    source_id VARCHAR NOT NULL
);

INSERT INTO publication_source SELECT substr(replace(CAST(uuid() AS VARCHAR), '-', ''), 1, 12);

-- One row per run of a scheduled job. Quartz keeps its triggers in memory and forgets them across restarts; this
-- ledger is what lets the host see, at start-up, that a fire was missed while it was down and run it once.
CREATE SEQUENCE seq_job_run_id START 1;

CREATE TABLE job_runs (
    run_id        BIGINT PRIMARY KEY,
    job           VARCHAR NOT NULL,        -- monthly-cycle | publish | deadline-watch
    scheduled_for TIMESTAMP NOT NULL,      -- the cron fire the run stands for
    trigger_kind  VARCHAR NOT NULL,        -- schedule | catch-up | baseline
    started_at    TIMESTAMP NOT NULL,
    finished_at   TIMESTAMP,
    status        VARCHAR NOT NULL,        -- running | succeeded | failed | interrupted | baseline
    message       VARCHAR
);
