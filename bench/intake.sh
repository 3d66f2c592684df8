#!/usr/bin/env bash
# Intake: sustained authenticated POST /api/v1/proposals (the committee registering proposals in an open
# session, a new title each time) with wrk at a few connection counts, against the "physical limit":
# pgbench inserting the very rows one registration writes (the proposal, its co-proposer and topic rows,
# its search terms, its trace and timeline entry, the audit record and the outbox row, in one transaction, copied from rows the service
# wrote) into a copy of the proposal database on the same server, with as many clients. Target: intake at
# least 0.7 of the limit. Every 2xx must have left exactly one proposal; nothing else may answer.
# Run by bench/run (see the contract there).
set -euo pipefail
source "$BENCH_LIB"

DURATION="${BENCH_INTAKE_SECONDS:-30}"
CONNECTIONS="${BENCH_INTAKE_CONNECTIONS:-4 16 64}"
WARMUP="${BENCH_WARMUP_SECONDS:-10}"
TARGET_RATIO=0.7
LIMIT_DB=proposal_limit
URL="$BENCH_PROPOSAL_URL/api/v1/proposals"
LUA="$BENCH_ROOT/bench/intake.lua"
PGBENCH_SCRIPT="$BENCH_RESULTS_DIR/intake-pgbench.sql"

BENCH_TOKEN="$(bench_token committee-wang)"
BENCH_SESSION="$(bench_session "$BENCH_TOKEN")"
[[ -n "$BENCH_SESSION" ]] || bench_die "could not open a session"
export BENCH_TOKEN BENCH_SESSION

proposals() { bench_sql proposal "SELECT count(*) FROM proposal"; }
threads() { echo $(($1 < 2 ? 1 : 2)); }

echo "Intake: POST /api/v1/proposals for ${DURATION} s at each of $CONNECTIONS connections (after ${WARMUP} s warm-up)"
wrk -t 2 -c 16 -d "${WARMUP}s" -s "$LUA" "$URL" >/dev/null

# The limit's rows: copies of the last registration's, in a copy of the proposal database (the services'
# own data stays as the service wrote it). Values that must be unique are made anew in each transaction.
sample="$(bench_sql proposal "SELECT id FROM proposal ORDER BY submitted_at DESC LIMIT 1")"
bench_sql postgres "DROP DATABASE IF EXISTS $LIMIT_DB" >/dev/null
bench_sql postgres "CREATE DATABASE $LIMIT_DB" >/dev/null
pg_dump -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d proposal \
  | psql -X -q -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d "$LIMIT_DB" -v ON_ERROR_STOP=1 >/dev/null
cat >"$PGBENCH_SCRIPT" <<SQL
-- What one POST /api/v1/proposals writes (ProposalService.submit), with the values of proposal $sample.
BEGIN;
SELECT gen_random_uuid() AS pid, gen_random_uuid() AS eid, gen_random_uuid() AS aid \gset
SELECT * FROM proposal_session WHERE id = '$BENCH_SESSION';
INSERT INTO proposal_number_sequence (session_id, last_used) VALUES ('$BENCH_SESSION', 1)
  ON CONFLICT (session_id) DO UPDATE SET last_used = proposal_number_sequence.last_used + 1 RETURNING last_used \gset
INSERT INTO proposal SELECT (jsonb_populate_record(NULL::proposal, to_jsonb(s) || jsonb_build_object(
  'id', :pid::text, 'number', 'L' || :last_used::text, 'title', s.title || :pid::text, 'search_terms', '',
  'submitted_at', now(), 'updated_at', now()))).* FROM proposal s WHERE s.id = '$sample';
INSERT INTO proposal_co_proposer SELECT (jsonb_populate_record(NULL::proposal_co_proposer, to_jsonb(s)
  || jsonb_build_object('proposal_id', :pid::text))).* FROM proposal_co_proposer s WHERE s.proposal_id = '$sample';
INSERT INTO proposal_topic SELECT (jsonb_populate_record(NULL::proposal_topic, to_jsonb(s)
  || jsonb_build_object('proposal_id', :pid::text))).* FROM proposal_topic s WHERE s.proposal_id = '$sample';
UPDATE proposal SET search_terms = (SELECT search_terms FROM proposal WHERE id = '$sample') WHERE id = :pid::uuid;
INSERT INTO audit_record SELECT (jsonb_populate_record(NULL::audit_record, to_jsonb(s) || jsonb_build_object(
  'id', :aid::text, 'seq', nextval(pg_get_serial_sequence('audit_record', 'seq')), 'record_id', :pid::text,
  'proposal_id', :pid::text, 'occurred_at', now(), 'chain_position', NULL, 'previous_hash', NULL, 'hash', NULL))).*
  FROM audit_record s WHERE s.record_id = '$sample' AND s.action = 'ProposalSubmitted';
INSERT INTO proposal_trace SELECT (jsonb_populate_record(NULL::proposal_trace, to_jsonb(s)
  || jsonb_build_object('proposal_id', :pid::text, 'recorded_at', now()))).* FROM proposal_trace s WHERE s.proposal_id = '$sample';
INSERT INTO proposal_timeline_entry OVERRIDING SYSTEM VALUE SELECT (jsonb_populate_record(NULL::proposal_timeline_entry,
  to_jsonb(s) || jsonb_build_object('event_id', :eid::text, 'proposal_id', :pid::text,
  'seq', nextval(pg_get_serial_sequence('proposal_timeline_entry', 'seq'))))).*
  FROM proposal_timeline_entry s WHERE s.proposal_id = '$sample' AND s.event_type = 'ProposalSubmitted';
INSERT INTO outbox_event SELECT (jsonb_populate_record(NULL::outbox_event, to_jsonb(s) || jsonb_build_object(
  'id', :eid::text, 'position', nextval(pg_get_serial_sequence('outbox_event', 'position')), 'aggregate_id', :pid::text,
  'created_at', now(), 'published_at', NULL, 'attempts', 0, 'last_error', NULL))).*
  FROM outbox_event s WHERE s.aggregate_id = '$sample' AND s.event_type = 'ProposalSubmitted';
COMMIT;
SQL
# One transaction first, to prove it writes what the service writes: one row of each.
TABLES=(proposal proposal_co_proposer proposal_topic proposal_trace proposal_timeline_entry audit_record outbox_event)
row_counts() {
  local table counts=""
  for table in "${TABLES[@]}"; do counts+="$(bench_sql "$LIMIT_DB" "SELECT count(*) FROM $table") "; done
  echo "$counts"
}
before="$(row_counts)"
check="$(pgbench -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -n -M prepared -t 1 -f "$PGBENCH_SCRIPT" "$LIMIT_DB" 2>&1)" \
  || { echo "$check"; bench_die "the pgbench transaction failed"; }
after="$(row_counts)"
read -r -a before <<<"$before"
read -r -a after <<<"$after"
written=""
for i in "${!TABLES[@]}"; do written+="$((after[i] - before[i])) "; done
[[ "$written" == "1 1 1 1 1 1 1 " ]] || bench_die "one pgbench transaction wrote $written rows into ${TABLES[*]}, not one of each"

printf '\n%-6s %10s %9s %9s %8s %8s %8s | %10s %9s | %6s\n' CONNS 'INTAKE/s' 'P50 ms' 'P99 ms' 2XX OTHER ROWS \
  'LIMIT tx/s' 'AVG ms' RATIO
results=()
for connections in $CONNECTIONS; do
  before="$(proposals)"
  out="$(wrk -t "$(threads "$connections")" -c "$connections" -d "${DURATION}s" --timeout 30s --latency -s "$LUA" "$URL")"
  IFS=$'\t' read -r _ completed non2xx socket rate p50 p99 < <(grep '^wrk-result' <<<"$out")
  sleep 1 # answers cut off at the end of the run may still commit
  rows=$(($(proposals) - before))
  ok=$((completed - non2xx))
  limit_out="$(pgbench -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -n -M prepared -c "$connections" \
    -j "$(threads "$connections")" -T "$DURATION" -f "$PGBENCH_SCRIPT" "$LIMIT_DB" 2>&1)"
  limit="$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$limit_out" | tail -n 1 | xargs printf '%.1f')"
  limit_latency="$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$limit_out")"
  ratio="$(awk -v a="$rate" -v b="$limit" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
  printf '%-6s %10s %9s %9s %8s %8s %8s | %10s %9s | %6s\n' "$connections" "$rate" "$p50" "$p99" "$ok" \
    "$((non2xx + socket))" "$rows" "$limit" "$limit_latency" "$ratio"
  results+=("$connections $rate $p50 $p99 $ok $non2xx $socket $rows $limit $ratio")
done
echo "(ROWS: proposals written during the run; it may exceed 2XX by the requests in flight when wrk stopped)"
echo

for result in "${results[@]}"; do
  read -r connections rate p50 p99 ok non2xx socket rows limit ratio <<<"$result"
  bench_figure "intake.c$connections.throughput" "$rate" req/s
  bench_figure "intake.c$connections.p50" "$p50" ms
  bench_figure "intake.c$connections.p99" "$p99" ms
  bench_figure "intake.c$connections.limit" "$limit" tx/s
  bench_figure "intake.c$connections.ratio" "$ratio" x ">= $TARGET_RATIO" "$(bench_verdict "$ratio" ">= $TARGET_RATIO")"
  bench_figure "intake.c$connections.non-2xx" "$((non2xx + socket))" answers "= 0" \
    "$( ((non2xx + socket == 0)) && echo met || echo missed)"
  bench_figure "intake.c$connections.rows-minus-2xx" "$((rows - ok))" rows "0..$connections" \
    "$( ((rows >= ok && rows - ok <= connections)) && echo met || echo missed)"
done
