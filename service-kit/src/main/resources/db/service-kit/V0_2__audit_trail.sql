-- The audit trail: one row per state change, written in the transaction of the change (AuditTrail).
-- Rows are inserted unsealed; the AuditSealer then seals them, once, into a hash chain: chain_position
-- (gapless, from 1), previous_hash (the hash of the row before, a genesis value for the first) and hash.
-- Nothing else may ever change or remove a row (trigger below).
CREATE TABLE audit_record (
    id              uuid PRIMARY KEY,
    seq             bigserial    NOT NULL UNIQUE,     -- insertion order: rows are sealed in this order
    occurred_at     timestamptz  NOT NULL,
    action          varchar(100) NOT NULL,            -- e.g. ProposalSubmitted, ProposalAssignedApplied
    record_type     varchar(100) NOT NULL,            -- e.g. Proposal, Assignment, Reply
    record_id       varchar(200) NOT NULL,
    proposal_id     uuid,                             -- the proposal the change concerns, when known
    actor_id        text,                             -- who: the person whose action caused the change
    actor_name      text,
    actor_roles     text,                             -- comma-separated
    actor_unit_id   text,
    request_id      varchar(100),                     -- the HTTP request (X-Request-Id), null when an event caused it
    correlation_id  uuid,
    causation_id    uuid,                             -- the event applied, null for a request
    changes         text         NOT NULL,            -- {"field":{"before":...,"after":...}}, as hashed
    chain_position  bigint UNIQUE,
    previous_hash   char(64),
    hash            char(64),
    CONSTRAINT audit_record_sealed_whole
        CHECK ((hash IS NULL) = (chain_position IS NULL) AND (hash IS NULL) = (previous_hash IS NULL))
);
CREATE INDEX audit_record_by_proposal ON audit_record (proposal_id, seq) WHERE proposal_id IS NOT NULL;
CREATE INDEX audit_record_by_record ON audit_record (record_type, record_id, seq);
CREATE INDEX audit_record_unsealed ON audit_record (seq) WHERE hash IS NULL;

-- Append-only: a row is inserted unsealed and sealed once (only its chain fields set, only while they
-- are empty); every other UPDATE, every DELETE and TRUNCATE is refused. Whoever disables this trigger
-- to change a sealed row breaks the hash chain, which GET /api/v1/audit-records/verification reports.
CREATE FUNCTION audit_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.chain_position IS NOT NULL OR NEW.previous_hash IS NOT NULL OR NEW.hash IS NOT NULL THEN
            RAISE EXCEPTION 'audit_record is append-only: a record is inserted unsealed'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        IF OLD.hash IS NULL AND NEW.hash IS NOT NULL
           AND to_jsonb(NEW) - ARRAY['chain_position', 'previous_hash', 'hash']
             = to_jsonb(OLD) - ARRAY['chain_position', 'previous_hash', 'hash'] THEN
            RETURN NEW; -- sealing
        END IF;
        RAISE EXCEPTION 'audit_record is append-only: record % cannot be changed', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RAISE EXCEPTION 'audit_record is append-only: % refused', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER audit_record_append_only
    BEFORE INSERT OR UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_append_only();
CREATE TRIGGER audit_record_no_truncate
    BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_append_only();
