#!/usr/bin/env bash
# Reporting over a long history: writes ten years of a hundred units' handlings of 1,000,000 proposals straight
# into evaluation-service's read model (bench/reporting-history.sql), analyzes it, then measures the latency of the
# annual summary (JSON, Markdown, Word, the register as XLSX) and of the statistics, breakdown and overdue figures.
# Target: p95 <= 1 s for each.
#
# Usage: bench/reporting.sh            (against a running platform: ./platform run, or bench/run)
#
# Environment, besides the platform's addresses (bench/lib.sh):
#   BENCH_REPORTING_PROPOSALS   proposals in the history (1000000)
#   BENCH_REPORTING_UNITS       handling units (100)
#   BENCH_REPORTING_YEARS       years, up to the current one (10)
#   BENCH_REPORTING_REQUESTS    sequential requests per figure (100); whole-history figures get a tenth of them
#   BENCH_REPORTING_PARALLEL    requests at a time in the concurrent round (4); the round sends REQUESTS / 5
#   BENCH_REPORTING_REGENERATE  1: write the history again even if one of this size is there (0)
#   BENCH_FORCE                 1: write into a database that holds other than benchmark rows (0)
#
# The history's rows are marked (numbers BENCH-..., units bench-unit-NNN) and replaced on each generation; the script
# refuses to write into a database holding anything but benchmark rows (these and bench/surge.sh's) unless
# BENCH_FORCE=1.
set -euo pipefail
source "${BENCH_LIB:-$(dirname "${BASH_SOURCE[0]}")/lib.sh}"

if [[ "${1:-}" == -h || "${1:-}" == --help ]]; then sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0; fi
[[ $# -eq 0 ]] || bench_die "takes no arguments (see --help)"

PROPOSALS="${BENCH_REPORTING_PROPOSALS:-1000000}"
UNITS="${BENCH_REPORTING_UNITS:-100}"
YEARS="${BENCH_REPORTING_YEARS:-10}"
REQUESTS="${BENCH_REPORTING_REQUESTS:-100}"
PARALLEL="${BENCH_REPORTING_PARALLEL:-4}"
DB=evaluation
TARGET_MS=1000
TODAY="$(TZ=Asia/Shanghai date +%F)"
LAST_YEAR="${TODAY%%-*}"
FIRST_YEAR=$((LAST_YEAR - YEARS + 1))
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# ---------------------------------------------------------------------------------------------------
# The history

# Rows that are not this history's: the surge scenario's (numbers SURGE-...) are benchmark rows too, anything else
# is real data.
read -r others foreign <<<"$(bench_sql "$DB" -F ' ' <<'SQL'
WITH p AS (SELECT proposal_id, number LIKE 'BENCH-%' AS history, number LIKE 'SURGE-%' AS surge FROM proposal_record)
SELECT (SELECT count(*) FROM p WHERE NOT history IS TRUE)
       + (SELECT count(*) FROM unit_handling WHERE unit_id NOT LIKE 'bench-unit-%'),
       (SELECT count(*) FROM p WHERE NOT (history OR surge) IS TRUE)
       + (SELECT count(*) FROM unit_handling h
           WHERE h.unit_id NOT LIKE 'bench-unit-%'
             AND NOT EXISTS (SELECT 1 FROM p WHERE p.proposal_id = h.proposal_id AND p.surge))
SQL
)"
existing="$(bench_sql "$DB" -c "SELECT count(*) FROM proposal_record WHERE number LIKE 'BENCH-%'")"
generation_s=-
if [[ "$existing" == "$PROPOSALS" && "${BENCH_REPORTING_REGENERATE:-0}" != 1 ]]; then
  echo "reporting: reusing the history of $existing proposals already in $DB (BENCH_REPORTING_REGENERATE=1 to write it again)"
else
  if ((foreign > 0)) && [[ "${BENCH_FORCE:-0}" != 1 ]]; then
    bench_die "the $DB database on port $BENCH_PG_PORT holds $foreign rows that are not the benchmark's; not writing into it (BENCH_FORCE=1 to do it anyway)"
  fi
  echo "reporting: writing a history of $PROPOSALS proposals, $UNITS units, $FIRST_YEAR-$LAST_YEAR into $DB"
  started="$(bench_now_ms)"
  if ((others == 0)); then
    # nothing but the benchmark's rows: emptying the tables is much quicker than deleting them row by row
    bench_sql "$DB" -c "TRUNCATE missed_deadline, handling_measure, handling_contact, handling_commitment, satisfaction,
                          reply_recipient, reply_round, unit_handling, proposal_record"
  fi
  bench_sql "$DB" <<'SQL'
DELETE FROM missed_deadline WHERE unit_id LIKE 'bench-unit-%';
DELETE FROM handling_measure WHERE unit_id LIKE 'bench-unit-%';
DELETE FROM handling_contact WHERE unit_id LIKE 'bench-unit-%';
DELETE FROM handling_commitment WHERE unit_id LIKE 'bench-unit-%';
DELETE FROM satisfaction WHERE unit_id LIKE 'bench-unit-%';
DELETE FROM reply_round WHERE unit_id LIKE 'bench-unit-%';
DELETE FROM unit_handling WHERE unit_id LIKE 'bench-unit-%';
DELETE FROM proposal_record WHERE number LIKE 'BENCH-%';
SQL
  bench_sql "$DB" -v proposals="$PROPOSALS" -v units="$UNITS" -v first_year="$FIRST_YEAR" -v years="$YEARS" \
    -v today="$TODAY" -f "$BENCH_ROOT/bench/reporting-history.sql" >/dev/null
  bench_sql "$DB" -c "VACUUM ANALYZE"
  generation_s="$(awk -v ms=$(($(bench_now_ms) - started)) 'BEGIN { printf "%.1f", ms / 1000 }')"
fi
read -r handlings db_size <<<"$(bench_sql "$DB" -F ' ' -c "SELECT (SELECT count(*) FROM unit_handling WHERE unit_id LIKE 'bench-unit-%'),
                                                                  pg_size_pretty(pg_database_size(current_database()))")"
db_size="${db_size// /}"

# ---------------------------------------------------------------------------------------------------
# The requests

TOKEN="$(bench_token committee-wang)"
JSON=application/json
MARKDOWN=text/markdown
DOCX=application/vnd.openxmlformats-officedocument.wordprocessingml.document
XLSX=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
API="$BENCH_EVALUATION_URL/api/v1"

# Writes COUNT URLs for a template into a file: {unit} and {year} rotate over the units and years, so that each
# request asks for another unit-year. Usage: urls TEMPLATE COUNT FILE
urls() {
  local template="$1" count="$2" file="$3" n unit year
  : >"$file"
  for ((n = 0; n < count; n++)); do
    printf -v unit 'bench-unit-%03d' $(((n * 37) % UNITS))
    year=$((FIRST_YEAR + (n * 7) % YEARS))
    local url="${template//\{unit\}/$unit}"
    printf '%s\n' "${url//\{year\}/$year}" >>"$file"
  done
}

results=()
# Usage: measure NAME ACCEPT TEMPLATE REQUESTS
measure() {
  local name="$1" accept="$2" template="$3" count="$4" concurrent=$(($4 / 5)) p50 p95 p99 max c50 c95 c99 cmax
  ((concurrent >= PARALLEL)) || concurrent="$PARALLEL"
  urls "$template" "$count" "$WORK/urls"
  bench_time_gets "$TOKEN" "$accept" "$WORK/urls" 1 >"$WORK/sequential" || bench_die "$name: requests failed"
  urls "$template" "$concurrent" "$WORK/urls"
  bench_time_gets "$TOKEN" "$accept" "$WORK/urls" "$PARALLEL" >"$WORK/concurrent" || bench_die "$name: requests failed"
  read -r p50 p95 p99 max < <(bench_percentiles <"$WORK/sequential")
  read -r c50 c95 c99 cmax < <(bench_percentiles <"$WORK/concurrent")
  printf '  %-34s %6s %6s %6s %6s   %6s %6s %6s   (%d + %d requests)\n' "$name" "$p50" "$p95" "$p99" "$max" \
    "$c50" "$c95" "$c99" "$count" "$concurrent"
  results+=("$name $p50 $p95 $p99 $c95")
}

whole=$((REQUESTS / 10))
((whole >= 5)) || whole=5
echo
echo "reporting: latency in ms; sequential p50 p95 p99 max, then $PARALLEL at a time p50 p95 p99"
measure summary-unit-year-json "$JSON" "$API/summaries/annual?unitId={unit}&year={year}" "$REQUESTS"
measure summary-unit-year-markdown "$MARKDOWN" "$API/summaries/annual?unitId={unit}&year={year}" "$REQUESTS"
measure summary-unit-year-docx "$DOCX" "$API/summaries/annual?unitId={unit}&year={year}" "$REQUESTS"
measure summary-register-unit-year-xlsx "$XLSX" "$API/summaries/annual/register?unitId={unit}&year={year}" "$REQUESTS"
measure statistics-unit-year "$JSON" "$API/statistics?unitId={unit}&year={year}" "$REQUESTS"
measure statistics-year "$JSON" "$API/statistics?year={year}" "$REQUESTS"
measure statistics-all "$JSON" "$API/statistics" "$whole"
measure breakdown-unit-year-by-month "$JSON" "$API/statistics/breakdown?by=MONTH&unitId={unit}&year={year}" "$REQUESTS"
measure breakdown-year-by-unit "$JSON" "$API/statistics/breakdown?by=UNIT&year={year}" "$REQUESTS"
measure breakdown-year-by-topic "$JSON" "$API/statistics/breakdown?by=TOPIC&year={year}" "$REQUESTS"
measure breakdown-all-by-status "$JSON" "$API/statistics/breakdown?by=STATUS" "$whole"
measure overdue-unit "$JSON" "$API/statistics/overdue?unitId={unit}" "$REQUESTS"
measure overdue-year "$JSON" "$API/statistics/overdue?year={year}" "$REQUESTS"
measure overdue-all "$JSON" "$API/statistics/overdue" "$whole"

echo
echo "reporting: $PROPOSALS proposals, $handlings handlings, $UNITS units, $FIRST_YEAR-$LAST_YEAR; database $db_size;" \
  "history written in ${generation_s} s"
bench_figure reporting.proposals "$PROPOSALS" proposals - -
bench_figure reporting.handlings "$handlings" handlings - -
bench_figure reporting.generation "$generation_s" s - -
bench_figure reporting.database-size "$db_size" - - -
for result in "${results[@]}"; do
  read -r name p50 p95 p99 c95 <<<"$result"
  bench_figure "reporting.$name.p50" "$p50" ms - -
  bench_figure "reporting.$name.p95" "$p95" ms "<= $TARGET_MS" "$(bench_verdict "$p95" "<= $TARGET_MS")"
  bench_figure "reporting.$name.p99" "$p99" ms - -
  bench_figure "reporting.$name.concurrent-p95" "$c95" ms "<= $TARGET_MS" "$(bench_verdict "$c95" "<= $TARGET_MS")"
done
