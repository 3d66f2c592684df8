-- Sessions (届次/会次) are records of their own: proposals are numbered per session, in the session's format.
CREATE TABLE proposal_session (
    id             uuid PRIMARY KEY,
    kind           varchar(20)  NOT NULL,   -- PROPOSAL: a CPPCC committee session; SUGGESTION: an NPC session
    term           integer      NOT NULL,   -- 届, e.g. 7 for the 7th committee
    session_number integer      NOT NULL,   -- 次, e.g. 2 for its 2nd session
    year           integer      NOT NULL,
    name           varchar(200) NOT NULL,   -- e.g. 政协第七届委员会第二次会议
    plenary_start  date         NOT NULL,
    plenary_end    date         NOT NULL,
    number_format  varchar(60)  NOT NULL,   -- e.g. {year}{seq:4} gives 20220024
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    version        bigint       NOT NULL DEFAULT 0,
    CONSTRAINT proposal_session_unique UNIQUE (kind, term, session_number),
    CONSTRAINT proposal_session_plenary CHECK (plenary_end >= plenary_start)
);

-- Proposals registered before sessions existed get a session per kind and year, so that nothing is orphaned.
INSERT INTO proposal_session (id, kind, term, session_number, year, name, plenary_start, plenary_end, number_format,
                              created_at, updated_at)
SELECT md5(kind || year)::uuid, kind, 0, year, year,
       year || CASE kind WHEN 'PROPOSAL' THEN ' 年提案' ELSE ' 年建议' END,
       make_date(year, 1, 1), make_date(year, 1, 1), '{year}{seq:4}', now(), now()
FROM (SELECT DISTINCT kind, extract(year FROM submitted_at AT TIME ZONE 'Asia/Shanghai')::int AS year FROM proposal) existing;

ALTER TABLE proposal
    ADD COLUMN session_id        uuid REFERENCES proposal_session (id),
    ADD COLUMN source            varchar(20) NOT NULL DEFAULT 'PLENARY',
    ADD COLUMN submitted_on      date,
    ADD COLUMN proposer_type     varchar(20) NOT NULL DEFAULT 'MEMBER',
    ADD COLUMN proposer_group    varchar(30),
    ADD COLUMN proposer_sector   varchar(200),
    ADD COLUMN proposer_contact  varchar(200),
    ADD COLUMN keywords          text[] NOT NULL DEFAULT '{}',
    ADD COLUMN not_filed_reason  varchar(40),
    ADD COLUMN status_note       varchar(2000),
    ADD COLUMN merged_into_id    uuid REFERENCES proposal (id),
    ADD COLUMN handling_round    integer NOT NULL DEFAULT 1,
    ADD COLUMN import_key        varchar(64),
    ADD COLUMN created_by        varchar(100);

UPDATE proposal SET session_id = md5(kind || extract(year FROM submitted_at AT TIME ZONE 'Asia/Shanghai')::int)::uuid,
                    submitted_on = (submitted_at AT TIME ZONE 'Asia/Shanghai')::date;
ALTER TABLE proposal ALTER COLUMN session_id SET NOT NULL, ALTER COLUMN submitted_on SET NOT NULL;

-- Numbers are unique within a session; the old per-kind rule would forbid two sessions sharing a format.
ALTER TABLE proposal DROP CONSTRAINT proposal_number_unique;
ALTER TABLE proposal ADD CONSTRAINT proposal_number_unique UNIQUE (session_id, number);
-- Re-importing the same file finds each row again by its key instead of registering it twice.
CREATE UNIQUE INDEX proposal_import_key ON proposal (session_id, import_key) WHERE import_key IS NOT NULL;
CREATE INDEX proposal_session_status ON proposal (session_id, status);
CREATE INDEX proposal_submitted ON proposal (submitted_at DESC, number);
CREATE INDEX proposal_merged_into ON proposal (merged_into_id) WHERE merged_into_id IS NOT NULL;

-- Numbers are handed out per session without gaps: the row lock serialises concurrent registrations and a
-- rolled-back registration rolls its number back with it.
DROP TABLE proposal_number_sequence;
CREATE TABLE proposal_number_sequence (
    session_id uuid    PRIMARY KEY REFERENCES proposal_session (id),
    last_used  integer NOT NULL
);
INSERT INTO proposal_number_sequence (session_id, last_used)
SELECT session_id, count(*) FROM proposal GROUP BY session_id;

-- Co-proposers (附议人), in the order given; the lead proposer stays on the proposal row.
CREATE TABLE proposal_co_proposer (
    proposal_id uuid         NOT NULL REFERENCES proposal (id),
    position    integer      NOT NULL,
    person_id   varchar(100) NOT NULL,
    name        varchar(200) NOT NULL,
    sector      varchar(200),
    contact     varchar(200),
    PRIMARY KEY (proposal_id, position)
);
CREATE INDEX proposal_co_proposer_person ON proposal_co_proposer (person_id);

-- The committee's topic taxonomy; editable over REST, these are the defaults.
CREATE TABLE topic (
    code       varchar(60)  PRIMARY KEY,
    name       varchar(100) NOT NULL,
    name_en    varchar(200),
    position   integer      NOT NULL,
    active     boolean      NOT NULL DEFAULT true,
    version    bigint       NOT NULL DEFAULT 0
);
INSERT INTO topic (code, name, name_en, position) VALUES
    ('NEW_GENERATION_IT',     '新一代信息技术',   'New-generation information technology', 10),
    ('DIGITAL_ECONOMY',       '数字经济',         'Digital economy', 20),
    ('SME',                   '中小企业',         'Small and medium-sized enterprises', 30),
    ('PRIVATE_ECONOMY',       '民营经济',         'Private economy', 40),
    ('ADVANCED_MANUFACTURING','先进制造业',       'Advanced manufacturing', 50),
    ('INDUSTRY_CLUSTERS',     '产业集群',         'Industry clusters and chains', 60),
    ('INDUSTRIAL_INTERNET',   '工业互联网',       'Industrial internet', 70),
    ('GREEN_MANUFACTURING',   '绿色制造与节能',   'Green manufacturing and energy saving', 80),
    ('INNOVATION',            '科技创新',         'Technological innovation', 90),
    ('BUSINESS_ENVIRONMENT',  '营商环境',         'Business environment', 100),
    ('TALENT',                '人才',             'Talent', 110),
    ('INFRASTRUCTURE',        '新型基础设施',     'New infrastructure', 120);

CREATE TABLE proposal_topic (
    proposal_id uuid        NOT NULL REFERENCES proposal (id),
    topic_code  varchar(60) NOT NULL REFERENCES topic (code),
    PRIMARY KEY (proposal_id, topic_code)
);
CREATE INDEX proposal_topic_code ON proposal_topic (topic_code);

ALTER TABLE proposal_handling
    ADD COLUMN signed_at  timestamptz,
    ADD COLUMN lead_unit_id varchar(100);
CREATE INDEX proposal_handling_unit ON proposal_handling (unit_id);

-- Every event about a proposal, from this service and the others, in the order it happened.
CREATE TABLE proposal_timeline_entry (
    event_id    uuid         PRIMARY KEY,
    seq         bigint       GENERATED ALWAYS AS IDENTITY,
    proposal_id uuid         NOT NULL,
    occurred_at timestamptz  NOT NULL,
    event_type  varchar(100) NOT NULL,
    source      varchar(60)  NOT NULL,
    unit_id     varchar(100),
    actor       jsonb        NOT NULL,
    details     jsonb        NOT NULL
);
CREATE INDEX proposal_timeline_by_proposal ON proposal_timeline_entry (proposal_id, occurred_at, seq);
