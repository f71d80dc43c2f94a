-- 006 Producer assessments: the producer as a risk subject of its own (per product category and month), scored on the five
-- Art. 19 factors from agg_producer_month and the producer's own history. Kept apart from risk_assessments, whose subjects
-- (a category in a division or province-wide) are what warnings are raised on; a producer's level ranks enterprises for
-- supervision and is named in the notices of its category's warnings.
CREATE TABLE producer_assessments (
    month          DATE NOT NULL,
    producer       VARCHAR NOT NULL,
    category_code  VARCHAR NOT NULL,
    elevated       BOOLEAN NOT NULL,
    level          INTEGER NOT NULL,
    score          DOUBLE NOT NULL,
    harm           INTEGER NOT NULL,
    urgency        INTEGER NOT NULL,
    scope          INTEGER NOT NULL,
    frequency      INTEGER NOT NULL,
    duration       INTEGER NOT NULL,
    factors        VARCHAR NOT NULL,   -- JSON: the inputs that drove the scores
    explanation    VARCHAR NOT NULL,   -- Chinese
    computed_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (month, producer, category_code)
);
