#!/usr/bin/env bash
# Footprint: each service's start time and resident memory. The services are restarted one at a time,
# with the command line and environment the platform gave them, so that each start has the machine to
# itself; start time is from the exec to the first 200 of /q/health/ready (and Quarkus' own "started in"
# figure). RSS (VmRSS) idle, then right after BENCH_FOOTPRINT_LOAD_SECONDS of load: the intake load
# (wrk, 16 connections) and proposals flowing through every service (bench/FlowLoad.java, 50 per second)
# at once. Run by bench/run (see the contract there).
set -euo pipefail
source "$BENCH_LIB"

LOAD_SECONDS="${BENCH_FOOTPRINT_LOAD_SECONDS:-20}"
START_TARGET=1.5
RSS_TARGET=250
READY_TIMEOUT="${PLATFORM_READY_TIMEOUT:-300}"

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Restarts one service as the platform started it and prints "wall-seconds quarkus-seconds".
restart() {
  local module="$1" pid url log cmd=() environment=() started ready deadline
  pid="$(bench_service_pid "$module")"
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || bench_die "$module is not running"
  mapfile -d '' cmd <"/proc/$pid/cmdline"
  mapfile -d '' environment <"/proc/$pid/environ"
  url="$(bench_service_url "$module")"
  log="$BENCH_STATE_DIR/logs/$module.log"
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  mv -f "$log" "$log.previous"
  started="$(now_ms)"
  (cd "$BENCH_ROOT" && exec env -i "${environment[@]}" "${cmd[@]}" </dev/null >>"$log" 2>&1) &
  # the platform stops what its pid files name
  echo "$!" >"$BENCH_STATE_DIR/pids/$module.pid"
  deadline=$((SECONDS + READY_TIMEOUT))
  until [[ "$(bench_status "$url/q/health/ready")" == 200 ]]; do
    ((SECONDS < deadline)) || bench_die "$module was not ready $READY_TIMEOUT s after its restart"
    sleep 0.02
  done
  ready="$(now_ms)"
  printf '%s %s\n' "$(awk -v ms=$((ready - started)) 'BEGIN { printf "%.2f", ms / 1000 }')" \
    "$(grep -o 'started in [0-9.]*s' "$log" | head -n 1 | tr -dc '0-9.')"
}

echo "Start time: each service restarted alone, exec to /q/health/ready answering 200"
declare -A WALL QUARKUS IDLE LOADED
for module in "${BENCH_SERVICES[@]}"; do
  read -r WALL[$module] QUARKUS[$module] < <(restart "$module")
  printf '  %-20s %5s s to ready (Quarkus: started in %s s)\n' "$module" "${WALL[$module]}" "${QUARKUS[$module]}"
done

sleep 10
for module in "${BENCH_SERVICES[@]}"; do IDLE[$module]="$(bench_rss_mb "$(bench_service_pid "$module")")"; done

echo "Load for $LOAD_SECONDS s: intake (wrk, 16 connections) and 50 proposals/s registered, filed and assigned"
token="$(bench_token committee-wang)"
session="$(bench_session "$token")"
BENCH_TOKEN="$token" BENCH_SESSION="$session" wrk -t 1 -c 16 -d "${LOAD_SECONDS}s" -s "$BENCH_ROOT/bench/intake.lua" \
  "$BENCH_PROPOSAL_URL/api/v1/proposals" >/dev/null &
wrk_pid=$!
java -Xmx128m -XX:+UseSerialGC "$BENCH_ROOT/bench/FlowLoad.java" "$BENCH_PROPOSAL_URL" "$BENCH_ASSIGNMENT_URL" \
  "$token" "$session" 50 "$LOAD_SECONDS" | grep '^flow-result' >/dev/null || true
wait "$wrk_pid" || true
for module in "${BENCH_SERVICES[@]}"; do LOADED[$module]="$(bench_rss_mb "$(bench_service_pid "$module")")"; done

echo
printf '%-20s %10s %12s %10s %12s\n' SERVICE 'START s' 'QUARKUS s' 'RSS idle' 'RSS loaded'
for module in "${BENCH_SERVICES[@]}"; do
  printf '%-20s %10s %12s %7s MB %9s MB\n' "$module" "${WALL[$module]}" "${QUARKUS[$module]}" "${IDLE[$module]}" \
    "${LOADED[$module]}"
done
echo "(JVM options: $(tr '\0' ' ' <"/proc/$(bench_service_pid proposal-service)/cmdline" | grep -o -- '-X[^ ]*' | tr '\n' ' '))"
echo
for module in "${BENCH_SERVICES[@]}"; do
  bench_figure "footprint.$module.start" "${WALL[$module]}" s "<= $START_TARGET" \
    "$(bench_verdict "${WALL[$module]}" "<= $START_TARGET")"
  bench_figure "footprint.$module.started-in" "${QUARKUS[$module]}" s
  bench_figure "footprint.$module.rss-idle" "${IDLE[$module]}" MB "<= $RSS_TARGET" \
    "$(bench_verdict "${IDLE[$module]}" "<= $RSS_TARGET")"
  bench_figure "footprint.$module.rss-loaded" "${LOADED[$module]}" MB "<= $RSS_TARGET" \
    "$(bench_verdict "${LOADED[$module]}" "<= $RSS_TARGET")"
done
