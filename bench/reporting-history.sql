-- A handling history for the reporting benchmark, written straight into evaluation-service's read model with
-- set-based SQL. Run by bench/reporting.sh with psql variables:
--   proposals   how many proposals (1,000,000)
--   units       how many handling units (100)
--   first_year  the first of the years (the last is first_year + years - 1, the current year)
--   years       how many years (10)
--   today       the current date in the city, so that nothing lies in the future
--
-- Every row is marked as the benchmark's: proposal numbers start with BENCH-, units are bench-unit-NNN, proposers
-- bench-member-NNNN, and every id is md5('bench-...'), so the rows can be told apart from real ones and removed.
--
-- The shares follow a bureau's annual summary, spread over many units and years:
--   per proposal  55 % one SOLE unit, 25 % LEAD + CO_HANDLING, 12 % LEAD + two CO_HANDLING, 8 % two SPLIT units
--   done          the last year's handlings 60 % done (the rest open, some past their deadline), earlier years 99 %
--   sign-for      ~14 % late; replies ~12 % after their due date; co-handling opinions ~12 % late
--   results       A 55 %, B 30 %, C 12 %, D 3 %; 92 % of replies rated: satisfied 86 %, basically 11 %, unsatisfied 3 %
--   contacts      96 % of replying handlings contacted the proposer, 60 % of those face to face
--   measures      a quarter of the A and B replies led to one or two work measures (the summary's register)
--   origin        1 % recess re-assignments, 1 % ended by an adjustment
\set ON_ERROR_STOP on
SELECT setseed(0.2026);
SET synchronous_commit = off;

CREATE TEMP TABLE bench_proposal AS
SELECT i,
       md5('bench-proposal-' || i)::uuid AS proposal_id,
       y AS year,
       CASE WHEN random() < 0.6 THEN 'PROPOSAL' ELSE 'SUGGESTION' END AS kind,
       recess,
       -- plenary proposals in the session's first weeks, recess ones over the rest of the year (never after today)
       least(make_timestamptz(y, 1, 5, 9, 0, 0, 'Asia/Shanghai')
                 + (CASE WHEN recess THEN 20 + random() * 300 ELSE random() * 20 END) * interval '1 day',
             CAST(:'today' AS date) - interval '60 days') AS submitted_at,
       random() AS shape
  FROM (SELECT i, :first_year + (i - 1) % :years AS y, random() < 0.2 AS recess
          FROM generate_series(1, :proposals) AS i) AS n;

INSERT INTO proposal_record (proposal_id, kind, number, title, proposer_id, proposer_name, submitted_at, year,
                             session_id, source, topics, decision, closed_at)
SELECT p.proposal_id, p.kind,
       'BENCH-' || p.year || '-' || lpad(p.i::text, 7, '0'),
       '关于推进第' || p.i || '号产业集群与中小企业数字化转型工作的提案',
       'bench-member-' || lpad((p.i % 5000)::text, 4, '0'),
       '基准委员' || (p.i % 5000),
       p.submitted_at, p.year,
       md5('bench-session-' || p.year || '-' || p.kind)::uuid,
       CASE WHEN p.recess THEN 'RECESS' ELSE 'PLENARY' END,
       -- one or two of the committee's topics
       CASE WHEN p.i % 3 = 0
            THEN ARRAY[t.codes[1 + p.i % 12], t.codes[1 + (p.i / 12) % 12]]
            ELSE ARRAY[t.codes[1 + p.i % 12]] END,
       'FILED', NULL
  FROM bench_proposal p
 CROSS JOIN (SELECT ARRAY['NEW_GENERATION_IT', 'DIGITAL_ECONOMY', 'SME', 'PRIVATE_ECONOMY', 'ADVANCED_MANUFACTURING',
                          'INDUSTRY_CLUSTERS', 'INDUSTRIAL_INTERNET', 'GREEN_MANUFACTURING', 'INNOVATION',
                          'BUSINESS_ENVIRONMENT', 'TALENT', 'INFRASTRUCTURE'] AS codes) AS t
 ORDER BY p.submitted_at;

-- One row per unit's handling, with the randomness each column needs drawn once.
CREATE TEMP TABLE bench_handling AS
SELECT p.proposal_id, p.i, s.k, p.year, p.submitted_at,
       -- i / years runs through the units independently of the year, which i % years gives
       'bench-unit-' || lpad((((p.i / :years) * 7 + s.k * 31) % :units)::text, 3, '0') AS unit_id,
       s.handling_type,
       p.submitted_at + (3 + random() * 7) * interval '1 day' AS assigned_at,
       random() < CASE WHEN p.year = :first_year + :years - 1 THEN 0.6 ELSE 0.99 END AS done,
       random() AS r_origin, random() AS r_sign, random() AS r_reply, random() AS r_category, random() AS r_rated,
       random() AS r_rating, random() AS r_contact, random() AS r_measure
  FROM bench_proposal p
 CROSS JOIN LATERAL (
       SELECT 0 AS k, CASE WHEN p.shape < 0.55 THEN 'SOLE' WHEN p.shape < 0.92 THEN 'LEAD' ELSE 'SPLIT' END AS handling_type
        UNION ALL
       SELECT 1, CASE WHEN p.shape < 0.92 THEN 'CO_HANDLING' ELSE 'SPLIT' END WHERE p.shape >= 0.55
        UNION ALL
       SELECT 2, 'CO_HANDLING' WHERE p.shape >= 0.80 AND p.shape < 0.92) AS s;

CREATE TEMP TABLE bench_unit_handling AS
SELECT h.*,
       CASE WHEN h.handling_type = 'CO_HANDLING' THEN h.assigned_at + interval '1 month'
            ELSE h.assigned_at + interval '3 months' END AS due_at,
       h.assigned_at + power(h.r_sign, 3) * 8 * interval '1 day' AS signed_at,
       power(h.r_sign, 3) * 8 > 5 AS signed_late,
       h.handling_type <> 'CO_HANDLING' AS replying,
       CASE WHEN h.r_origin < 0.01 THEN 'ADJUSTMENT' WHEN h.r_origin < 0.02 THEN 'RECESS_REASSIGNMENT' ELSE 'INITIAL' END AS origin,
       CASE WHEN h.r_origin >= 0.99 THEN h.assigned_at + interval '5 days' END AS ended_at,
       h.assigned_at + (20 + power(h.r_reply, 2) * 90) * interval '1 day' AS replied_at,
       h.assigned_at + (10 + power(h.r_reply, 3) * 30) * interval '1 day' AS opinion_at,
       h.assigned_at + (3 + power(h.r_contact, 2) * 25) * interval '1 day' AS contacted_at,
       h.handling_type <> 'CO_HANDLING' AND h.r_contact < 0.96
           AND h.assigned_at + (3 + power(h.r_contact, 2) * 25) * interval '1 day' < :'today' AS contacted
  FROM bench_handling h;

INSERT INTO unit_handling (proposal_id, unit_id, year, assignment_id, unit_name, handling_type, assigned_at, reply_due_date,
                           signed_at, signed_late, reply_id, result_category, replied_at, rating, rated_at, reply_round,
                           first_round_rating, first_round_rated_at, origin, ended_at, opinion_submitted_at,
                           first_contact_at)
SELECT h.proposal_id, h.unit_id, h.year,
       md5('bench-assignment-' || h.i || '-' || h.k)::uuid,
       '基准承办单位' || substr(h.unit_id, 12),
       h.handling_type, h.assigned_at, CAST(h.due_at AS date),
       h.signed_at, h.signed_late,
       r.reply_id, r.result_category, r.replied_at, r.rating, r.rated_at,
       CASE WHEN r.reply_id IS NOT NULL THEN 1 END,
       r.rating, r.rated_at,
       h.origin, h.ended_at,
       CASE WHEN NOT h.replying AND h.done AND h.ended_at IS NULL AND h.opinion_at < :'today' THEN h.opinion_at END,
       CASE WHEN h.contacted THEN h.contacted_at END
  FROM bench_unit_handling h
 CROSS JOIN LATERAL (
       SELECT CASE WHEN replied THEN md5('bench-reply-' || h.i || '-' || h.k)::uuid END AS reply_id,
              CASE WHEN replied THEN CASE WHEN h.r_category < 0.55 THEN 'A' WHEN h.r_category < 0.85 THEN 'B'
                                          WHEN h.r_category < 0.97 THEN 'C' ELSE 'D' END END AS result_category,
              CASE WHEN replied THEN replied_at END AS replied_at,
              CASE WHEN replied AND h.r_rated < 0.92
                   THEN CASE WHEN h.r_rating < 0.86 THEN 'SATISFIED' WHEN h.r_rating < 0.97 THEN 'BASICALLY_SATISFIED'
                             ELSE 'UNSATISFIED' END END AS rating,
              CASE WHEN replied AND h.r_rated < 0.92 THEN replied_at + interval '9 days' END AS rated_at
         FROM (SELECT h.replying AND h.done AND h.ended_at IS NULL AND h.replied_at + interval '9 days' < :'today' AS replied,
                      h.replied_at) AS x) AS r
 -- in the order the handlings came about, so that each year's rows lie together as they do in a real database
 ORDER BY h.assigned_at;

-- The rest of the read model the figures and the points sheet read: rounds and ratings, contacts, measures,
-- and the deadlines missed.
INSERT INTO reply_round (reply_id, proposal_id, unit_id, round, purpose, approved_at, delivered_on, rating_due)
SELECT reply_id, proposal_id, unit_id, 1, 'INITIAL', replied_at,
       CAST(replied_at AS date) + 1, CAST(replied_at AS date) + 22
  FROM unit_handling
 WHERE unit_id LIKE 'bench-unit-%' AND reply_id IS NOT NULL;

INSERT INTO satisfaction (id, reply_id, proposal_id, unit_id, proposer_id, rating, recorded_at, round, rating_due, late)
SELECT md5('bench-satisfaction-' || u.reply_id)::uuid, u.reply_id, u.proposal_id, u.unit_id, p.proposer_id, u.rating,
       u.rated_at, 1, CAST(u.replied_at AS date) + 22, false
  FROM unit_handling u
  JOIN proposal_record p ON p.proposal_id = u.proposal_id
 WHERE u.unit_id LIKE 'bench-unit-%' AND u.rating IS NOT NULL;

INSERT INTO handling_contact (contact_id, proposal_id, unit_id, channel, face_to_face, contacted_at)
SELECT md5('bench-contact-' || h.i || '-' || h.k)::uuid, h.proposal_id, h.unit_id,
       CASE WHEN h.r_measure < 0.6 THEN 'FACE_TO_FACE' ELSE 'PHONE' END, h.r_measure < 0.6,
       h.contacted_at
  FROM bench_unit_handling h
 WHERE h.contacted;

INSERT INTO handling_measure (measure_id, proposal_id, unit_id, kind, title, document_number, issued_on, recorded_at)
SELECT md5('bench-measure-' || u.reply_id || '-' || n)::uuid, u.proposal_id, u.unit_id,
       (ARRAY['POLICY_DOCUMENT', 'ACTION_PLAN', 'EVENT', 'PLATFORM', 'OTHER'])[1 + (abs(hashtext(u.reply_id::text)) + n) % 5],
       '基准工作措施' || n || '：' || left(u.reply_id::text, 8),
       '基准〔' || extract(year FROM u.replied_at)::int || '〕' || (abs(hashtext(u.reply_id::text)) % 200 + n) || '号',
       CAST(u.replied_at AS date) - 10, u.replied_at
  FROM unit_handling u
 CROSS JOIN generate_series(1, 2) AS n
 WHERE u.unit_id LIKE 'bench-unit-%' AND u.result_category IN ('A', 'B')
   AND abs(hashtext(u.reply_id::text)) % 100 < CASE n WHEN 1 THEN 25 ELSE 8 END;

INSERT INTO missed_deadline (event_id, proposal_id, unit_id, assignment_id, clock, due, working_days_late, occurred_at)
SELECT md5('bench-missed-' || m.clock || '-' || u.assignment_id)::uuid, u.proposal_id, u.unit_id, u.assignment_id,
       m.clock, m.due, 3, m.due + interval '1 day'
  FROM unit_handling u
 CROSS JOIN LATERAL (
       SELECT 'sign-for' AS clock, CAST(u.assigned_at AS date) + 5 AS due WHERE u.signed_late
        UNION ALL
       SELECT 'formal-reply', u.reply_due_date
        WHERE u.handling_type <> 'CO_HANDLING' AND u.ended_at IS NULL
          AND COALESCE(CAST(u.replied_at AS date), CAST(:'today' AS date)) > u.reply_due_date
        UNION ALL
       SELECT 'co-handling-opinion', u.reply_due_date
        WHERE u.handling_type = 'CO_HANDLING' AND u.ended_at IS NULL
          AND COALESCE(CAST(u.opinion_submitted_at AS date), CAST(:'today' AS date)) > u.reply_due_date
        UNION ALL
       SELECT 'first-contact', CAST(u.assigned_at AS date) + 30
        WHERE u.handling_type <> 'CO_HANDLING' AND u.first_contact_at IS NULL AND u.ended_at IS NULL) AS m
 WHERE u.unit_id LIKE 'bench-unit-%';
