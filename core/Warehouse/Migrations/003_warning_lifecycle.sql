-- 003 Warning lifecycle (regulation 003 Art. 20, 21, 24): a warning is proposed, approved, published, adjusted up or
-- down and finally lifted; every change of level is a round of notices that needs approval before it is published.
-- Columns added to an existing table cannot carry NOT NULL in DuckDB; the lifecycle always fills them.
--
-- Status values after this migration (no CHECK constraints, so none of 001 changes):
--   warnings.status: proposed | approved | published | adjusted | lifted | rejected
--   notices.status:  draft | approved | published | rejected | superseded
--   warning_events.action: propose | revise | propose_upgrade | propose_downgrade | propose_lift | request_lift |
--                          supersede | approve | reject | publish | adjust | lift

-- Notices are drafted in rounds: one round per decision, one notice per kind of publication the decision needs.
ALTER TABLE notices ADD COLUMN round INTEGER;            -- warning_events.seq of the proposal that drafted the round
ALTER TABLE notices ADD COLUMN action VARCHAR;           -- issue | upgrade | downgrade | lift
ALTER TABLE notices ADD COLUMN from_level INTEGER;       -- level in force when drafted (0 for a new warning)
ALTER TABLE notices ADD COLUMN data_month DATE;          -- month of the data the notice rests on; its files go under it
ALTER TABLE notices ADD COLUMN content_json VARCHAR;     -- what the notice says (NoticeContent); Markdown, HTML and .docx render from it
ALTER TABLE notices ADD COLUMN doc_year INTEGER;         -- document number 鄂市监风险〔doc_year〕doc_seq号, given on approval
ALTER TABLE notices ADD COLUMN doc_seq INTEGER;
ALTER TABLE notices ADD COLUMN rejected_by VARCHAR;      -- who rejected it (or the actor whose newer round superseded it)
ALTER TABLE notices ADD COLUMN rejected_at TIMESTAMP;
ALTER TABLE notices ADD COLUMN reject_reason VARCHAR;

-- Events about one notice (approve, reject, publish, supersede) name it.
ALTER TABLE warning_events ADD COLUMN notice_id BIGINT;

-- Notices drafted before this migration were the single first round of their warning.
UPDATE notices SET round = 1, action = 'issue', from_level = 0,
    data_month = (SELECT w.first_month FROM warnings w WHERE w.warning_id = notices.warning_id)
WHERE round IS NULL;
