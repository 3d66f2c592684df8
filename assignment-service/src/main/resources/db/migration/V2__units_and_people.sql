-- Master data of the handling units: the units the committee assigns to, their divisions (处室) and their
-- people with their place in the four-level responsibility chain. Ids are the codes the identity provider
-- puts in tokens (unit_id, division_id, sub), so that a token's person, unit and division are found here.
-- Nothing is ever deleted: a unit, division or person that is no longer in use is retired (active = false),
-- so that assignments, replies and audit records made earlier still name something that exists.

CREATE TABLE handling_unit (
    id              varchar(100) PRIMARY KEY,
    name            varchar(200) NOT NULL,
    short_name      varchar(100),
    active          boolean      NOT NULL DEFAULT true,
    version         bigint       NOT NULL DEFAULT 0,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL
);
CREATE INDEX handling_unit_active ON handling_unit (active, id);

CREATE TABLE division (
    id              varchar(100) PRIMARY KEY,
    unit_id         varchar(100) NOT NULL REFERENCES handling_unit (id),
    name            varchar(200) NOT NULL,
    active          boolean      NOT NULL DEFAULT true,
    version         bigint       NOT NULL DEFAULT 0,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    -- lets person reference (unit, division) so that a person's division is always of the person's unit
    CONSTRAINT division_of_unit UNIQUE (unit_id, id)
);

-- Only people of handling units: committee staff, the supervision office and proposers are known to the
-- identity provider and to proposal-service, not here.
CREATE TABLE person (
    id              varchar(100) PRIMARY KEY,
    name            varchar(200) NOT NULL,
    unit_id         varchar(100) NOT NULL REFERENCES handling_unit (id),
    division_id     varchar(100),
    position        varchar(30)  NOT NULL,
    phone           varchar(50),
    active          boolean      NOT NULL DEFAULT true,
    version         bigint       NOT NULL DEFAULT 0,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    CONSTRAINT person_division_of_unit FOREIGN KEY (unit_id, division_id) REFERENCES division (unit_id, id),
    CONSTRAINT person_position CHECK (position IN ('BUREAU_HEAD', 'DEPUTY_HEAD', 'DIVISION_HEAD', 'HANDLER', 'OFFICE'))
);
CREATE INDEX person_unit ON person (unit_id, active, name);
CREATE INDEX person_division ON person (division_id);
