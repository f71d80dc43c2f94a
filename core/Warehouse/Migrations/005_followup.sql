-- 005 Follow-up of failed provincial spot checks (regulation 000): the case's stage and conclusion, step outcomes,
-- the event history, overdue flags raised by the daily watch, and the producer flags of Art. 27, 28 and 30.
-- Conventions: codes are English snake_case (stages, events, step codes of SpotCheckSteps); text shown to clerks is Chinese.

ALTER TABLE followup_cases ADD COLUMN report_date DATE;
-- delivery | objection_window | objection | retest | authenticity | transfer | correction | rectification | recheck
-- | reporting | reported | closed
ALTER TABLE followup_cases ADD COLUMN stage VARCHAR;
-- failed (as tested) | maintained (an objection failed) | withdrawn (an objection succeeded: the failure no longer counts)
ALTER TABLE followup_cases ADD COLUMN conclusion VARCHAR;
ALTER TABLE followup_cases ADD COLUMN recheck_result VARCHAR;   -- passed | failed
ALTER TABLE followup_cases ADD COLUMN close_reason VARCHAR;     -- Chinese

-- A step without a period (the transfer of Art. 16 only has to follow the objection window) has no due date.
ALTER TABLE followup_steps ALTER COLUMN due_on DROP NOT NULL;
-- NULL while open; done | late (done after the due date) | objected | waived | lapsed (the period ran out and its
-- consequence applied) | refused | cancelled (no longer needed)
ALTER TABLE followup_steps ADD COLUMN outcome VARCHAR;

CREATE SEQUENCE seq_followup_event_id START 1;

CREATE TABLE followup_events (
    event_id    BIGINT PRIMARY KEY,
    case_id     BIGINT NOT NULL,
    event       VARCHAR NOT NULL,          -- FollowUpEvents code, e.g. result_received
    event_on    DATE NOT NULL,             -- the day it happened (the starting day of the next period)
    outcome     VARCHAR,                   -- e.g. retest | rejected | passed | failed
    note        VARCHAR,
    actor       VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,          -- cli | csv:FILE:LINE | watch
    recorded_at TIMESTAMP NOT NULL
);

-- One row per step the daily watch found overdue: a step is flagged once, never again on later days.
CREATE TABLE followup_overdue (
    case_id    BIGINT NOT NULL,
    step       VARCHAR NOT NULL,
    due_on     DATE NOT NULL,
    flagged_on DATE NOT NULL,
    PRIMARY KEY (case_id, step)
);

-- One row per check of a producer: the samples taken from it on one day for one task. A check failed when one of its
-- samples failed and the failure was not withdrawn on objection.
CREATE VIEW v_producer_checks AS
SELECT trim(s.producer) AS producer,
       s.sampled_at,
       coalesce(s.task, '') AS task,
       arg_max(coalesce(s.producer_region_code, s.region_code), s.sample_id) AS region_code,
       bool_or(NOT s.passed AND coalesce(c.conclusion, 'failed') <> 'withdrawn') AS failed
FROM fact_spot_check s
LEFT JOIN followup_cases c ON c.sample_id = s.sample_id
WHERE s.producer IS NOT NULL AND trim(s.producer) <> ''
GROUP BY trim(s.producer), s.sampled_at, coalesce(s.task, '');

-- Per producer: the publication criteria of Art. 27 (items 3, 4 and 5), repeated failures (Art. 28) and the
-- key-supervision list (Art. 30). Analytics joins it on producer.
CREATE VIEW v_producer_flags AS
WITH ordered AS (
    SELECT *, lag(failed) OVER (PARTITION BY producer ORDER BY sampled_at, task) AS previous_failed
    FROM v_producer_checks
),
checks AS (
    SELECT producer,
           arg_max(region_code, sampled_at) AS region_code,
           count(*) AS checks,
           count(*) FILTER (WHERE failed) AS failed_checks,
           min(sampled_at) FILTER (WHERE failed) AS first_failed_on,
           max(sampled_at) FILTER (WHERE failed) AS last_failed_on,
           bool_or(failed AND coalesce(previous_failed, false)) AS failed_twice_in_a_row,
           list_sort(list_distinct(list(year(sampled_at)) FILTER (WHERE failed))) AS failed_years
    FROM ordered
    GROUP BY producer
),
findings AS (
    SELECT trim(c.producer) AS producer,
           bool_or(e.event = 'sales_before_recheck') AS kept_selling,
           bool_or(e.event = 'rectification_refused') AS refused_rectification
    FROM followup_events e
    JOIN followup_cases c ON c.case_id = e.case_id
    WHERE c.producer IS NOT NULL
    GROUP BY trim(c.producer)
),
flags AS (
    SELECT k.producer, k.region_code, k.checks, k.failed_checks, k.first_failed_on, k.last_failed_on, k.failed_years,
           k.failed_twice_in_a_row,
           coalesce(f.kept_selling, false) AS kept_selling,
           coalesce(f.refused_rectification, false) AS refused_rectification,
           k.failed_checks > 0 AS key_supervision,
           list_has_any(k.failed_years, list_transform(k.failed_years, lambda y: y + 1)) AS failed_two_years_running
    FROM checks k
    LEFT JOIN findings f ON f.producer = k.producer
)
SELECT *,
       failed_twice_in_a_row OR kept_selling OR refused_rectification AS publish_producer,
       failed_checks >= 2 AS repeated_failures,
       concat_ws('；',
           CASE WHEN failed_twice_in_a_row THEN '连续两次产品质量监督抽查不合格（第二十七条第四项第5目）' END,
           CASE WHEN kept_selling THEN '整改复查合格前继续生产、销售同一规格型号产品（第二十七条第四项第4目）' END,
           CASE WHEN refused_rectification THEN '监督抽查不合格且无正当理由拒绝整改（第二十七条第四项第3目）' END,
           CASE WHEN failed_two_years_running THEN '连续两年监督抽查发现不合格产品，应持续开展抽查（第三十条）' END) AS reasons
FROM flags
WHERE failed_checks > 0 OR kept_selling OR refused_rectification;

-- The key-supervision list of Art. 30: every producer with a failed check; those failing in two consecutive years
-- keep being spot-checked.
CREATE VIEW v_key_supervision AS
SELECT producer, region_code, failed_checks, first_failed_on, last_failed_on, failed_years,
       failed_two_years_running AS keep_spot_checking
FROM v_producer_flags
WHERE key_supervision;
