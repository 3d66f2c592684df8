# Shell functions shared by bench/run and the scenario scripts (bench/<scenario>.sh). Sourced, not run.
# The scenario scripts get their environment from bench/run; see the contract at the top of bench/run.

bench_say() { printf 'bench: %s\n' "$*" >&2; }
bench_die() { bench_say "$*"; exit 1; }

# Makes sure a command is there: installs its Debian package when running as root, otherwise says how.
# Usage: bench_need COMMAND DEBIAN-PACKAGE [CHECK...]   CHECK (default: command -v COMMAND) tells whether
# it works; Debian's wrappers (psql, pgbench) exist without the programs behind them.
bench_need() {
  local command="$1" package="$2"; shift 2
  local check=("$@")
  ((${#check[@]})) || check=(command -v "$command")
  "${check[@]}" >/dev/null 2>&1 && return 0
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    bench_say "installing $package (for $command)"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package" >/dev/null 2>&1; then
      apt-get update -q >/dev/null 2>&1 || true
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package" >/dev/null 2>&1 || true
    fi
    "${check[@]}" >/dev/null 2>&1 && return 0
  fi
  bench_die "$command is missing: install the Debian package $package (apt-get install $package) and run again"
}

# Prints a bearer token for one of the demo people, signed by the bench platform's identity provider.
bench_token() {
  java -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$BENCH_LOCAL_INFRA_JAR" \
    org.proposals.infra.DevIdentity token "$BENCH_IDENTITY_DIR" "$1"
}

# psql against one of the platform's databases, unaligned and quiet. Usage: bench_sql DATABASE SQL
bench_sql() {
  PGOPTIONS='--client-min-messages=warning' psql -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d "$1" -c "$2"
}

# Prints one figure line for bench/run to collect, and the same figure for a person reading along.
# Usage: bench_figure NAME VALUE UNIT [TARGET [met|missed]]   (TARGET and verdict "-" when there is none)
bench_figure() {
  printf 'figure\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "${4:--}" "${5:--}"
}

# Whether VALUE meets TARGET, a comparison such as "<= 100" or ">= 0.7": prints met or missed.
bench_verdict() {
  local value="$1" op="${2%% *}" bound="${2#* }"
  awk -v v="$value" -v b="$bound" -v op="$op" 'BEGIN {
    ok = (op == "<=") ? (v <= b) : (op == ">=") ? (v >= b) : (op == "<") ? (v < b) : (v > b)
    print (ok ? "met" : "missed") }'
}

# Opens this year's proposal session (or finds it when it is already open) and prints its id.
bench_session() {
  local token="$1" year
  year="$(date +%Y)"
  curl -s -o /dev/null -X POST "$BENCH_PROPOSAL_URL/api/v1/sessions" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d '{"kind":"PROPOSAL","term":8,"sessionNumber":1,"year":'"$year"',
    "name":"政协第八届委员会第一次会议","plenaryStart":"'"$year"'-01-10","plenaryEnd":"'"$year"'-01-14",
    "numberFormat":"{year}{seq:5}"}'
  curl -s "$BENCH_PROPOSAL_URL/api/v1/sessions?kind=PROPOSAL&year=$year" -H "Authorization: Bearer $token" \
    | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4
}

# The pid of a running service of the bench platform, from its pid file.
bench_service_pid() {
  head -n 1 "$BENCH_STATE_DIR/pids/$1.pid" 2>/dev/null | tr -dc '0-9'
}

# Resident memory of a process in MB (VmRSS), or "-" when it is gone.
bench_rss_mb() {
  awk '/^VmRSS:/ { printf "%.0f\n", $2 / 1024; found = 1 } END { if (!found) print "-" }' "/proc/$1/status" 2>/dev/null \
    || echo -
}

BENCH_SERVICES=(proposal-service assignment-service reply-service evaluation-service supervision-adapter)

# The base URL of a service by module name.
bench_service_url() {
  case "$1" in
    proposal-service) echo "$BENCH_PROPOSAL_URL" ;;
    assignment-service) echo "$BENCH_ASSIGNMENT_URL" ;;
    reply-service) echo "$BENCH_REPLY_URL" ;;
    evaluation-service) echo "$BENCH_EVALUATION_URL" ;;
    supervision-adapter) echo "$BENCH_SUPERVISION_URL" ;;
    *) return 1 ;;
  esac
}

# HTTP status of GET URL, 000 when nothing answers.
bench_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" || true
}
