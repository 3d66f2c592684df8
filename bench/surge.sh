#!/usr/bin/env bash
# The session-close surge: the committee imports a session's 10,000 proposals from the office's file, filing them at
# once, and assigns each to a handling unit. Measures the time from the start of the import until every service's
# view agrees: proposal-service shows all of them assigned, assignment-service holds their assignments,
# reply-service their cases, evaluation-service counts their handlings, the supervision adapter has queued their
# ASSIGNED reports, and no service has an outbox row left unpublished. Target: <= 60 s.
#
# Phases: import (the request), filed (until assignment-service can assign all of them), assignment requests
# (POST /api/v1/assignments/batch with BENCH_SURGE_BATCH proposals each, BENCH_SURGE_PARALLEL at a time), propagation
# (until all views agree).
#
# Usage: bench/surge.sh               (against a running platform: ./platform run, or bench/run)
#
# Environment, besides the platform's addresses (bench/lib.sh):
#   BENCH_SURGE_PROPOSALS   proposals in the file (10000)
#   BENCH_SURGE_BATCH       proposals per assignment request (250; at most 500)
#   BENCH_SURGE_PARALLEL    assignment requests at a time (2)
#   BENCH_SURGE_TIMEOUT     seconds to wait for the views to agree before giving up (300)
#
# Each run opens a session of its own (term 99, the next free session number) so that runs do not mix; the
# proposals stay in the platform's databases.
set -euo pipefail
source "${BENCH_LIB:-$(dirname "${BASH_SOURCE[0]}")/lib.sh}"

if [[ "${1:-}" == -h || "${1:-}" == --help ]]; then sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0; fi
[[ $# -eq 0 ]] || bench_die "takes no arguments (see --help)"
bench_need jq jq

PROPOSALS="${BENCH_SURGE_PROPOSALS:-10000}"
BATCH="${BENCH_SURGE_BATCH:-250}"
PARALLEL="${BENCH_SURGE_PARALLEL:-2}"
TIMEOUT="${BENCH_SURGE_TIMEOUT:-300}"
TARGET_S=60
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

TOKEN="$(bench_token committee-wang)"
AUTH="Authorization: Bearer $TOKEN"
JSON='Content-Type: application/json'
YEAR="$(TZ=Asia/Shanghai date +%Y)"

seconds_since() {
  awk -v ms=$(($(bench_now_ms) - $1)) 'BEGIN { printf "%.1f", ms / 1000 }'
}

# ---------------------------------------------------------------------------------------------------
# A session of its own and the office's file

session=""
for number in $(seq 1 99); do
  status="$(curl -s -o "$WORK/session.json" -w '%{http_code}' -X POST "$BENCH_PROPOSAL_URL/api/v1/sessions" \
    -H "$AUTH" -H "$JSON" -d '{"kind":"PROPOSAL","term":99,"sessionNumber":'"$number"',"year":'"$YEAR"',
      "name":"基准测试会议第'"$number"'次","plenaryStart":"'"$YEAR"'-01-10","plenaryEnd":"'"$YEAR"'-01-14",
      "numberFormat":"SURGE-{session}-{seq:5}"}')"
  case "$status" in
    201) session="$(jq -r .id "$WORK/session.json")"; break ;;
    409) continue ;;
    *) bench_die "opening a session answered $status: $(cat "$WORK/session.json")" ;;
  esac
done
[[ -n "$session" ]] || bench_die "no free session number left under term 99"

topics=(NEW_GENERATION_IT DIGITAL_ECONOMY SME INDUSTRY_CLUSTERS INDUSTRIAL_INTERNET GREEN_MANUFACTURING INNOVATION TALENT)
{
  echo 'title,content,proposerId,proposer,topics'
  for ((i = 1; i <= PROPOSALS; i++)); do
    printf '关于第%d号产业集群服务模式的提案,建议创新产业集群服务模式，加快中小企业数字化转型（%d）。,bench-member-%d,基准委员%d,%s\n' \
      "$i" "$i" $((i % 2000)) $((i % 2000)) "${topics[i % ${#topics[@]}]}"
  done
} >"$WORK/proposals.csv"
echo "surge: session $session (term 99, number $number), $PROPOSALS proposals in a $(du -k "$WORK/proposals.csv" | cut -f1) KiB file"

# ---------------------------------------------------------------------------------------------------
# 1. The import, filing each proposal

started="$(bench_now_ms)"
status="$(curl -s -o "$WORK/import.json" -w '%{http_code}' -X POST -H "$AUTH" \
  -F "file=@$WORK/proposals.csv;type=text/csv" "$BENCH_PROPOSAL_URL/api/v1/sessions/$session/imports?file=true")"
[[ "$status" == 200 ]] || bench_die "the import answered $status: $(head -c 2000 "$WORK/import.json")"
imported="$(jq .imported "$WORK/import.json")"
((imported == PROPOSALS)) || bench_die "imported $imported of $PROPOSALS"
jq -r '.results[].proposalId' "$WORK/import.json" >"$WORK/ids"
import_s="$(seconds_since "$started")"
echo "surge: imported and filed $imported proposals in $import_s s"

# Counts what one database holds of the surge's proposals: bench_count DATABASE QUERY, where QUERY reads the
# proposal ids from the temporary table surge(id).
bench_count() {
  bench_sql "$1" <<SQL | tail -n 1
CREATE TEMP TABLE surge (id uuid PRIMARY KEY);
\copy surge FROM '$WORK/ids'
$2;
SQL
}

# Waits until CHECK prints a line that is the wanted value, showing progress; fails after TIMEOUT seconds.
# Usage: wait_until WANTED DESCRIPTION CHECK...
wait_until() {
  local wanted="$1" description="$2" got deadline=$((SECONDS + TIMEOUT)); shift 2
  while true; do
    got="$("$@")"
    [[ "$got" == "$wanted" ]] && return 0
    ((SECONDS < deadline)) || bench_die "gave up after ${TIMEOUT}s waiting for $description: $got, wanted $wanted"
    sleep 0.5
  done
}

# ---------------------------------------------------------------------------------------------------
# 2. assignment-service learns of them

awaiting() {
  bench_count assignment "SELECT count(*) FROM assignable_proposal WHERE id IN (SELECT id FROM surge) AND status = 'AWAITING_ASSIGNMENT'"
}
wait_until "$PROPOSALS" "assignment-service to hold the proposals as awaiting assignment" awaiting
filed_s="$(seconds_since "$started")"
echo "surge: assignment-service could assign all of them at $filed_s s"

# ---------------------------------------------------------------------------------------------------
# 3. The committee assigns them at its assignment meeting, each to one of the demo units as sole handler

units=(miit drc)
# batches of BENCH_SURGE_BATCH proposals, one request each; `next` starts each request's own options (a config's
# options otherwise add up)
split -l "$BATCH" -d -a 4 "$WORK/ids" "$WORK/batch."
batches=0
for part in "$WORK"/batch.*; do
  awk -v first=$((batches * BATCH)) -v a="${units[0]}" -v b="${units[1]}" '
    BEGIN { printf "{\"assignments\":[" }
    { printf "%s{\"proposalId\":\"%s\",\"units\":[{\"unitId\":\"%s\",\"handlingType\":\"SOLE\"}]}",
             (NR > 1 ? "," : ""), $0, ((first + NR - 1) % 2 ? b : a) }
    END { print "]}" }' "$part" >"$part.json"
  ((batches == 0)) || echo next
  printf 'header = "%s"\nheader = "%s"\nwrite-out = "%%{http_code}\\n"\n' "$AUTH" "$JSON"
  printf 'url = "%s/api/v1/assignments/batch"\noutput = "/dev/null"\ndata-binary = "@%s"\n' "$BENCH_ASSIGNMENT_URL" "$part.json"
  batches=$((batches + 1))
done >"$WORK/assign.curl"
assign_started="$(bench_now_ms)"
curl -s --parallel --parallel-max "$PARALLEL" -K "$WORK/assign.curl" >"$WORK/assign.codes" 2>/dev/null || true
assign_s="$(seconds_since "$assign_started")"
accepted="$(grep -c '^200$' "$WORK/assign.codes" || true)"
((accepted == batches)) || bench_die "$accepted of $batches batches assigned: $(sort "$WORK/assign.codes" | uniq -c | tr '\n' ' ')"
created="$(bench_count assignment "SELECT count(*) FROM assignment WHERE proposal_id IN (SELECT id FROM surge)")"
((created == PROPOSALS)) || bench_die "assigned $created of $PROPOSALS"
assigned_s="$(seconds_since "$started")"
echo "surge: $created assignments made in $assign_s s ($batches requests of up to $BATCH, $PARALLEL at a time), at $assigned_s s"

# ---------------------------------------------------------------------------------------------------
# 4. Until every view agrees

views() {
  local proposals assignments cases handlings reports unpublished=0 db
  proposals="$(curl -s -H "$AUTH" "$BENCH_PROPOSAL_URL/api/v1/proposals?sessionId=$session&status=ASSIGNED&status=IN_HANDLING&size=1" | jq .total)"
  assignments="$(bench_count assignment "SELECT count(*) FROM assignment WHERE proposal_id IN (SELECT id FROM surge)")"
  cases="$(bench_count reply "SELECT count(*) FROM handling_case WHERE proposal_id IN (SELECT id FROM surge)")"
  handlings="$(bench_count evaluation "SELECT count(*) FROM unit_handling WHERE proposal_id IN (SELECT id FROM surge) AND handling_type IS NOT NULL")"
  reports="$(bench_count supervision "SELECT count(*) FROM status_report WHERE proposal_id IN (SELECT id FROM surge) AND type = 'ASSIGNED'")"
  for db in proposal assignment reply evaluation supervision; do
    unpublished=$((unpublished + $(bench_sql "$db" -c "SELECT count(*) FROM outbox_event WHERE published_at IS NULL")))
  done
  echo "$proposals $assignments $cases $handlings $reports $unpublished" >"$WORK/views"
  echo "$proposals $assignments $cases $handlings $reports $unpublished"
}
wait_until "$PROPOSALS $PROPOSALS $PROPOSALS $PROPOSALS $PROPOSALS 0" "every view" views
total_s="$(seconds_since "$started")"
propagation_s="$(awk -v t="$total_s" -v a="$assigned_s" 'BEGIN { printf "%.1f", t - a }')"

cat <<EOF

surge: $PROPOSALS proposals, session $session
  import and filing (the request)            $import_s s
  until assignment-service could assign      $filed_s s
  assignment requests ($batches, $PARALLEL at a time)      $assign_s s
  propagation after the last assignment      $propagation_s s
  total, import start to every view agreeing $total_s s   (target <= $TARGET_S s for 10,000)
  views: proposals assigned, assignments, cases, evaluation handlings, ASSIGNED reports, unpublished outbox rows:
         $(cat "$WORK/views")
EOF
bench_figure surge.proposals "$PROPOSALS" proposals - -
bench_figure surge.import "$import_s" s - -
bench_figure surge.assignable "$filed_s" s - -
bench_figure surge.assignment-requests "$assign_s" s - -
bench_figure surge.propagation "$propagation_s" s - -
if ((PROPOSALS == 10000)); then
  bench_figure surge.total "$total_s" s "<= $TARGET_S" "$(bench_verdict "$total_s" "<= $TARGET_S")"
else # the target is the full session's
  bench_figure surge.total "$total_s" s - -
fi
