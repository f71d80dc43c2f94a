-- 001 Foundation: dimensions, the three input facts, lineage and quarantine, assessments, warnings, notices,
-- the publication outbox, spot-check follow-up cases and the audit log.
-- Conventions: region_code '' means province-wide (a key column never holds NULL, so uniqueness stays simple);
-- months are the DATE of the month's first day; levels are integers 0 (none) .. 4 (I, red), see WarningLevel.

CREATE TABLE dim_region (
    code            VARCHAR PRIMARY KEY,
    name            VARCHAR NOT NULL,
    short_name      VARCHAR NOT NULL,
    out_of_province BOOLEAN NOT NULL,
    population_10k  DOUBLE
);

CREATE TABLE dim_category (
    code           VARCHAR PRIMARY KEY,
    name           VARCHAR NOT NULL,
    category_group VARCHAR NOT NULL,
    season         VARCHAR NOT NULL DEFAULT ''
);

CREATE TABLE dim_hazard (
    code     VARCHAR PRIMARY KEY,
    name     VARCHAR NOT NULL,
    severity INTEGER NOT NULL
);

CREATE TABLE dim_station (
    station_id  VARCHAR PRIMARY KEY,
    name        VARCHAR,
    kind        VARCHAR NOT NULL,
    region_code VARCHAR NOT NULL,
    first_month DATE,
    last_month  DATE
);

CREATE TABLE dim_producer (
    producer_key    VARCHAR PRIMARY KEY,   -- normalised name
    name            VARCHAR NOT NULL,
    region_code     VARCHAR,
    out_of_province BOOLEAN,
    first_seen      DATE
);

CREATE SEQUENCE seq_batch_id START 1;

CREATE TABLE ingest_batches (
    batch_id         BIGINT PRIMARY KEY,
    source           VARCHAR NOT NULL,     -- complaints | spot-checks | station-reports
    file_name        VARCHAR NOT NULL,
    file_sha256      VARCHAR NOT NULL,
    started_at       TIMESTAMP NOT NULL,
    finished_at      TIMESTAMP,
    status           VARCHAR NOT NULL,     -- loaded | skipped | failed
    rows_read        BIGINT NOT NULL DEFAULT 0,
    rows_loaded      BIGINT NOT NULL DEFAULT 0,
    rows_quarantined BIGINT NOT NULL DEFAULT 0,
    rows_duplicate   BIGINT NOT NULL DEFAULT 0,
    rows_replaced    BIGINT NOT NULL DEFAULT 0,
    options          VARCHAR,
    message          VARCHAR
);

CREATE TABLE quarantine (
    batch_id BIGINT NOT NULL,
    line     BIGINT NOT NULL,              -- 1-based line (CSV) or row (XLSX) in the file
    raw_text VARCHAR,
    reason   VARCHAR NOT NULL,             -- Chinese, naming the field and value
    PRIMARY KEY (batch_id, line)
);

-- Facts. Keys are enforced by the ingest (anti-join against what is loaded) rather than by an index, so that
-- bulk loads of millions of rows stay fast.
CREATE TABLE fact_complaint (
    complaint_id        VARCHAR NOT NULL,
    batch_id            BIGINT NOT NULL,
    source_line         BIGINT,
    received_at         TIMESTAMP NOT NULL,
    month               DATE NOT NULL,
    region_code         VARCHAR NOT NULL,
    category_code       VARCHAR NOT NULL,
    producer            VARCHAR,
    brand               VARCHAR,
    model               VARCHAR,
    channel             VARCHAR,
    online              BOOLEAN,
    text                VARCHAR NOT NULL,  -- phone and ID numbers masked
    hazards             VARCHAR[],
    injury              BOOLEAN NOT NULL DEFAULT false,
    death               BOOLEAN NOT NULL DEFAULT false,
    complainant_key     VARCHAR,           -- keyed hash, links repeat complainants
    complainant_name    VARCHAR,           -- masked: 张*
    complainant_phone   VARCHAR            -- masked: 138****5678
);

CREATE TABLE fact_spot_check (
    sample_id                VARCHAR NOT NULL,
    batch_id                 BIGINT NOT NULL,
    source_line              BIGINT,
    task                     VARCHAR,
    sampled_at               DATE NOT NULL,
    month                    DATE NOT NULL,
    region_code              VARCHAR NOT NULL,
    category_code            VARCHAR NOT NULL,
    product                  VARCHAR,
    producer                 VARCHAR,
    producer_region_code     VARCHAR,
    seller                   VARCHAR,
    online                   BOOLEAN,
    platform                 VARCHAR,
    spec                     VARCHAR,
    brand                    VARCHAR,
    production_batch         VARCHAR,
    passed                   BOOLEAN NOT NULL,
    lab                      VARCHAR,
    report_date              DATE
);

CREATE TABLE fact_spot_check_failed_item (
    sample_id      VARCHAR NOT NULL,
    batch_id       BIGINT NOT NULL,
    item           VARCHAR NOT NULL,
    safety_related BOOLEAN NOT NULL        -- false for labelling-only items
);

CREATE TABLE fact_station_report (
    station_id    VARCHAR NOT NULL,
    batch_id      BIGINT NOT NULL,
    source_line   BIGINT,
    station_name  VARCHAR,
    station_kind  VARCHAR NOT NULL,
    region_code   VARCHAR NOT NULL,
    month         DATE NOT NULL,
    category_code VARCHAR NOT NULL,
    hazard_code   VARCHAR NOT NULL DEFAULT '',
    cases         INTEGER NOT NULL DEFAULT 0,
    injuries      INTEGER NOT NULL DEFAULT 0,
    deaths        INTEGER NOT NULL DEFAULT 0,
    description   VARCHAR,
    major         BOOLEAN NOT NULL DEFAULT false
);

-- Aggregates per risk subject and month (category x region; region '' = province-wide).
CREATE TABLE agg_subject_month (
    month             DATE NOT NULL,
    category_code     VARCHAR NOT NULL,
    region_code       VARCHAR NOT NULL,
    complaints        INTEGER NOT NULL,
    hazard_complaints INTEGER NOT NULL,
    injury_complaints INTEGER NOT NULL,
    station_cases     INTEGER NOT NULL,
    injuries          INTEGER NOT NULL,
    deaths            INTEGER NOT NULL,
    major_reports     INTEGER NOT NULL,
    samples           INTEGER NOT NULL,
    failures          INTEGER NOT NULL,
    safety_failures   INTEGER NOT NULL,
    regions_affected  INTEGER NOT NULL,
    computed_at       TIMESTAMP NOT NULL,
    PRIMARY KEY (month, category_code, region_code)
);

CREATE SEQUENCE seq_assessment_id START 1;

CREATE TABLE risk_assessments (
    assessment_id     BIGINT PRIMARY KEY,
    month             DATE NOT NULL,
    subject_kind      VARCHAR NOT NULL,    -- category_region | category | producer
    category_code     VARCHAR NOT NULL,
    region_code       VARCHAR NOT NULL,
    producer          VARCHAR NOT NULL DEFAULT '',
    rule_level        INTEGER NOT NULL,
    model_level       INTEGER,
    model_probability DOUBLE,
    level             INTEGER NOT NULL,
    score             DOUBLE NOT NULL,
    factors           VARCHAR,             -- JSON: the five Art. 19 factor scores and their inputs
    contributions     VARCHAR,             -- JSON: model contributions (SHAP)
    explanation       VARCHAR NOT NULL,    -- Chinese
    override_level    INTEGER,
    override_reason   VARCHAR,
    override_by       VARCHAR,
    created_at        TIMESTAMP NOT NULL,
    UNIQUE (month, subject_kind, category_code, region_code, producer)
);

CREATE SEQUENCE seq_warning_id START 1;

CREATE TABLE warnings (
    warning_id    BIGINT PRIMARY KEY,
    subject_kind  VARCHAR NOT NULL,
    category_code VARCHAR NOT NULL,
    region_code   VARCHAR NOT NULL,
    producer      VARCHAR NOT NULL DEFAULT '',
    level         INTEGER NOT NULL,
    status        VARCHAR NOT NULL,        -- proposed | approved | published | lifted | rejected
    first_month   DATE NOT NULL,
    last_month    DATE NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);

CREATE TABLE warning_events (
    warning_id BIGINT NOT NULL,
    seq        INTEGER NOT NULL,
    event_at   TIMESTAMP NOT NULL,
    actor      VARCHAR NOT NULL,
    action     VARCHAR NOT NULL,           -- propose | approve | reject | publish | adjust | lift
    from_level INTEGER,
    to_level   INTEGER,
    reason     VARCHAR,
    PRIMARY KEY (warning_id, seq)
);

CREATE SEQUENCE seq_notice_id START 1;

CREATE TABLE notices (
    notice_id         BIGINT PRIMARY KEY,
    warning_id        BIGINT NOT NULL,
    kind              VARCHAR NOT NULL,    -- 风险警示通报 | 风险警示通告 | 风险警示公告 | 风险提示通告
    level             INTEGER NOT NULL,
    title             VARCHAR NOT NULL,
    body_markdown     VARCHAR NOT NULL,
    status            VARCHAR NOT NULL,    -- draft | approved | rejected | published
    drafted_by        VARCHAR NOT NULL,
    drafted_at        TIMESTAMP NOT NULL,
    approved_by       VARCHAR,
    approved_at       TIMESTAMP,
    published_at      TIMESTAMP,
    feedback_deadline DATE
);

CREATE TABLE publication_outbox (
    idempotency_key VARCHAR PRIMARY KEY,   -- notice id + channel
    notice_id       BIGINT NOT NULL,
    channel         VARCHAR NOT NULL,
    status          VARCHAR NOT NULL,      -- pending | delivered | failed
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP,
    last_error      VARCHAR,
    delivered_at    TIMESTAMP
);

CREATE SEQUENCE seq_case_id START 1;

CREATE TABLE followup_cases (
    case_id       BIGINT PRIMARY KEY,
    sample_id     VARCHAR NOT NULL,
    producer      VARCHAR,
    region_code   VARCHAR,
    category_code VARCHAR,
    status        VARCHAR NOT NULL,        -- open | closed
    opened_on     DATE NOT NULL,
    closed_on     DATE
);

CREATE TABLE followup_steps (
    case_id    BIGINT NOT NULL,
    step       VARCHAR NOT NULL,
    started_on DATE NOT NULL,
    due_on     DATE NOT NULL,
    done_on    DATE,
    rule       VARCHAR NOT NULL,           -- the deadline rule applied, in Chinese
    PRIMARY KEY (case_id, step)
);

CREATE SEQUENCE seq_audit_id START 1;

CREATE TABLE audit_log (
    audit_id BIGINT PRIMARY KEY,
    logged_at TIMESTAMP NOT NULL,
    actor    VARCHAR NOT NULL,
    role     VARCHAR,
    action   VARCHAR NOT NULL,
    target   VARCHAR,
    outcome  VARCHAR NOT NULL,             -- ok | refused
    detail   VARCHAR
);
