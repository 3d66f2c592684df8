#!/usr/bin/env bash
# Event latency: a steady stream of proposals registered, filed and assigned (bench/FlowLoad.java, open
# loop at BENCH_LATENCY_RATE per second for BENCH_LATENCY_SECONDS), then, for every event the services
# published meanwhile, the time from its outbox row to each consumer's processed_event row, per event
# type and consuming service. Run by bench/run (see the contract there).
set -euo pipefail
source "$BENCH_LIB"

RATE="${BENCH_LATENCY_RATE:-50}"
DURATION="${BENCH_LATENCY_SECONDS:-60}"
TARGET_MS=100
DATABASES=(proposal assignment reply evaluation supervision)

# Waits until no service has an event left to publish and every consumer has caught up (no outbox row
# unpublished, processed_event counts still for two seconds), at most 120 s.
settle() {
  local previous="" now pending deadline=$((SECONDS + 120)) db
  while ((SECONDS < deadline)); do
    now="" pending=0
    for db in "${DATABASES[@]}"; do
      now+="$(bench_sql "$db" "SELECT count(*) FROM processed_event") "
      pending=$((pending + $(bench_sql "$db" "SELECT count(*) FROM outbox_event WHERE published_at IS NULL")))
    done
    if ((pending == 0)) && [[ "$now" == "$previous" ]]; then return 0; fi
    previous="$now"
    sleep 2
  done
  bench_say "the platform did not settle within 120 s ($pending events unpublished)"
}

token="$(bench_token committee-wang)"
session="$(bench_session "$token")"
[[ -n "$session" ]] || bench_die "could not open a session"

echo "Event latency: $RATE proposals/s for $DURATION s, each registered, filed and assigned (lead + co-handling)"
settle
# a short warm-up at the same rate: the first events after a start pay for class loading and connections
java -Xmx128m -XX:+UseSerialGC "$BENCH_ROOT/bench/FlowLoad.java" "$BENCH_PROPOSAL_URL" "$BENCH_ASSIGNMENT_URL" \
  "$token" "$session" "$RATE" 5 >/dev/null
settle
since="$(bench_sql proposal "SELECT clock_timestamp()")"
load="$(java -Xmx128m -XX:+UseSerialGC "$BENCH_ROOT/bench/FlowLoad.java" "$BENCH_PROPOSAL_URL" "$BENCH_ASSIGNMENT_URL" \
  "$token" "$session" "$RATE" "$DURATION")"
grep -v '^flow-result' <<<"$load" || true
IFS=$'\t' read -r _ started assigned failed create_p50 create_p99 flow_p50 flow_p99 < <(grep '^flow-result' <<<"$load")
echo "flows: $started started, $assigned assigned, $failed failed; register p50 $create_p50 ms, p99 $create_p99 ms;" \
  "register to assigned p50 $flow_p50 ms, p99 $flow_p99 ms"
settle

# One database gathers every service's outbox rows and processed_event rows of the run, to join them.
bench_sql postgres "DROP DATABASE IF EXISTS bench_latency" >/dev/null
bench_sql postgres "CREATE DATABASE bench_latency" >/dev/null
bench_sql bench_latency "CREATE TABLE published (producer text, event_id uuid, event_type text, at timestamptz);
  CREATE TABLE applied (consumer text, event_id uuid, at timestamptz)" >/dev/null
for db in "${DATABASES[@]}"; do
  bench_sql "$db" "\\copy (SELECT '$db', id, event_type, created_at FROM outbox_event WHERE created_at >= '$since') TO STDOUT" \
    | bench_sql bench_latency "\\copy published FROM STDIN"
  bench_sql "$db" "\\copy (SELECT '$db', event_id, processed_at FROM processed_event WHERE processed_at >= '$since') TO STDOUT" \
    | bench_sql bench_latency "\\copy applied FROM STDIN"
done

hops() {
  bench_sql bench_latency "
    WITH hop AS (
      SELECT p.event_type, p.producer, a.consumer, extract(epoch FROM a.at - p.at) * 1000 AS ms
        FROM published p JOIN applied a USING (event_id))
    $1"
}
echo
printf '%-28s %-12s %-12s %7s %9s %9s %9s\n' EVENT FROM TO EVENTS 'P50 ms' 'P99 ms' 'MAX ms'
hops "SELECT event_type, producer, consumer, count(*), round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1),
        round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 1), round(max(ms)::numeric, 1)
        FROM hop GROUP BY 1, 2, 3 ORDER BY 2, 1, 3" \
  | while IFS='|' read -r type from to count p50 p99 max; do
      printf '%-28s %-12s %-12s %7s %9s %9s %9s\n' "$type" "$from" "$to" "$count" "$p50" "$p99" "$max"
    done
IFS='|' read -r hop_count all_p50 all_p99 < <(hops "SELECT count(*),
  round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1),
  round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 1) FROM hop")
unmatched="$(bench_sql bench_latency "SELECT count(*) FROM published p
  WHERE NOT EXISTS (SELECT 1 FROM applied a WHERE a.event_id = p.event_id)")"
echo "$hop_count hops measured; $unmatched events published that no service consumes (or not yet)"
echo

bench_figure latency.flows.assigned "$assigned" flows "= $started" "$([[ "$assigned" == "$started" ]] && echo met || echo missed)"
bench_figure latency.register.p99 "$create_p99" ms
bench_figure latency.all-hops.p50 "$all_p50" ms
bench_figure latency.all-hops.p99 "$all_p99" ms "<= $TARGET_MS" "$(bench_verdict "$all_p99" "<= $TARGET_MS")"
hops "SELECT event_type || '.' || consumer, round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 1)
        FROM hop GROUP BY 1 ORDER BY 1" \
  | while IFS='|' read -r hop p99; do
      bench_figure "latency.$hop.p99" "$p99" ms "<= $TARGET_MS" "$(bench_verdict "$p99" "<= $TARGET_MS")"
    done
