-- 002 Analytics: richer subject aggregates, producer aggregates, hazard disproportionality signals and the model registry.
-- Columns added to an existing table cannot carry NOT NULL in DuckDB; the aggregator always fills them.

-- agg_subject_month: the inputs of the five Art. 19 factors that 001 did not keep.
ALTER TABLE agg_subject_month ADD COLUMN death_complaints INTEGER DEFAULT 0;        -- complaints whose text reports a death
ALTER TABLE agg_subject_month ADD COLUMN station_hazard_cases INTEGER DEFAULT 0;    -- station cases naming a hazard
ALTER TABLE agg_subject_month ADD COLUMN labelling_failures INTEGER DEFAULT 0;      -- failed samples with labelling items only
ALTER TABLE agg_subject_month ADD COLUMN repeat_failure_producers INTEGER DEFAULT 0; -- producers failing their 2nd+ spot check in a row
ALTER TABLE agg_subject_month ADD COLUMN online_complaints INTEGER DEFAULT 0;       -- complaints about goods bought online
ALTER TABLE agg_subject_month ADD COLUMN hazard_producers INTEGER DEFAULT 0;        -- distinct producers named in hazard complaints or failures
ALTER TABLE agg_subject_month ADD COLUMN top_producer_share DOUBLE;                 -- largest producer's share of those complaints and failures
ALTER TABLE agg_subject_month ADD COLUMN max_hazard_severity INTEGER DEFAULT 0;     -- worst severity (1-4) among hazards reported
ALTER TABLE agg_subject_month ADD COLUMN population_10k DOUBLE;                     -- exposure: the subject's population
ALTER TABLE agg_subject_month ADD COLUMN elevated BOOLEAN;                          -- set by the assessment: the month is elevated
ALTER TABLE agg_subject_month ADD COLUMN elevated_months INTEGER;                   -- set by the assessment: consecutive elevated months

-- Producers per product category and month (subject kind 'producer'); region is where the producer's goods were found.
CREATE TABLE agg_producer_month (
    month                DATE NOT NULL,
    producer             VARCHAR NOT NULL,
    category_code        VARCHAR NOT NULL,
    complaints           INTEGER NOT NULL,
    hazard_complaints    INTEGER NOT NULL,
    injury_complaints    INTEGER NOT NULL,
    online_complaints    INTEGER NOT NULL,
    samples              INTEGER NOT NULL,
    failures             INTEGER NOT NULL,
    safety_failures      INTEGER NOT NULL,
    labelling_failures   INTEGER NOT NULL,
    consecutive_failures INTEGER NOT NULL,   -- failed spot checks in a row up to this month (000 Art. 27: two in a row)
    regions              INTEGER NOT NULL,   -- divisions where its goods were complained about or sampled
    computed_at          TIMESTAMP NOT NULL,
    PRIMARY KEY (month, producer, category_code)
);

-- Complaints per hazard, month, category and region ('' = province-wide); hazard '' counts complaints naming none.
-- The monthly counts behind hazard_signals, kept so that comparing with history never rescans old complaints.
CREATE TABLE agg_hazard_month (
    month         DATE NOT NULL,
    category_code VARCHAR NOT NULL,
    region_code   VARCHAR NOT NULL,
    hazard_code   VARCHAR NOT NULL,
    complaints    INTEGER NOT NULL,
    PRIMARY KEY (month, category_code, region_code, hazard_code)
);

-- Disproportionality of hazards in complaints, per month, category and region ('' = province-wide). Two comparisons:
-- 'category': this category against all other categories in the same month and region;
-- 'history':  this month against the category's own previous 12 months in the same region.
CREATE TABLE hazard_signals (
    month         DATE NOT NULL,
    comparison    VARCHAR NOT NULL,
    category_code VARCHAR NOT NULL,
    region_code   VARCHAR NOT NULL,
    hazard_code   VARCHAR NOT NULL,
    a             BIGINT NOT NULL,
    b             BIGINT NOT NULL,
    c             BIGINT NOT NULL,
    d             BIGINT NOT NULL,
    expected      DOUBLE NOT NULL,
    prr           DOUBLE NOT NULL,
    prr_lower     DOUBLE NOT NULL,
    prr_upper     DOUBLE NOT NULL,
    ror           DOUBLE NOT NULL,
    ror_lower     DOUBLE NOT NULL,
    ror_upper     DOUBLE NOT NULL,
    chi_square    DOUBLE NOT NULL,
    ic            DOUBLE NOT NULL,
    ic025         DOUBLE NOT NULL,
    ic975         DOUBLE NOT NULL,
    signal        BOOLEAN NOT NULL,
    computed_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (month, comparison, category_code, region_code, hazard_code)
);

-- Trained models: the file, the hash of the training labels and features, parameters and held-out metrics.
CREATE TABLE models (
    model_id      VARCHAR PRIMARY KEY,       -- model-<data hash>
    created_at    TIMESTAMP NOT NULL,
    model_path    VARCHAR NOT NULL,
    metadata_path VARCHAR NOT NULL,
    data_hash     VARCHAR NOT NULL,
    label_file    VARCHAR NOT NULL,
    features      VARCHAR NOT NULL,          -- JSON array of feature names, in column order
    parameters    VARCHAR NOT NULL,          -- JSON
    metrics       VARCHAR NOT NULL,          -- JSON: accuracy, quadratic-weighted kappa, confusion matrix on held-out months
    active        BOOLEAN NOT NULL
);

ALTER TABLE risk_assessments ADD COLUMN override_at TIMESTAMP;
ALTER TABLE risk_assessments ADD COLUMN model_id VARCHAR;
