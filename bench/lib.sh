# Shell functions shared by bench/run and the scenario scripts (bench/<scenario>.sh). Sourced, not run.
# The scenario scripts get their environment from bench/run; see the contract at the top of bench/run.

# A scenario script may also run on its own against a platform started with ./platform run: these defaults
# are that platform's (bench/run sets the bench platform's instead).
BENCH_ROOT="${BENCH_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
BENCH_PROPOSAL_URL="${BENCH_PROPOSAL_URL:-http://127.0.0.1:8081}"
BENCH_ASSIGNMENT_URL="${BENCH_ASSIGNMENT_URL:-http://127.0.0.1:8082}"
BENCH_REPLY_URL="${BENCH_REPLY_URL:-http://127.0.0.1:8083}"
BENCH_EVALUATION_URL="${BENCH_EVALUATION_URL:-http://127.0.0.1:8084}"
BENCH_SUPERVISION_URL="${BENCH_SUPERVISION_URL:-http://127.0.0.1:8085}"
BENCH_PG_PORT="${BENCH_PG_PORT:-15432}"
BENCH_IDENTITY_DIR="${BENCH_IDENTITY_DIR:-$BENCH_ROOT/.platform/run/identity}"

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
  local jar="${BENCH_LOCAL_INFRA_JAR:-}"
  if [[ -z "$jar" ]]; then
    jar="$(compgen -G "$BENCH_ROOT/local-infra/target/local-infra-*.jar" | grep -v -e '-sources' -e '-tests' | head -n 1)" \
      || bench_die "local-infra is not built (./mvnw -pl local-infra -am install -DskipTests)"
  fi
  java -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$jar" \
    org.proposals.infra.DevIdentity token "$BENCH_IDENTITY_DIR" "$1"
}

# psql against one of the platform's databases, unaligned and quiet.
# Usage: bench_sql DATABASE SQL, or bench_sql DATABASE [PSQL ARGS...] (-c, -f, -v, or SQL on standard input)
bench_sql() {
  local db="$1"; shift
  if (($# == 1)) && [[ "$1" != -* ]]; then set -- -c "$1"; fi
  PGOPTIONS='--client-min-messages=warning' psql -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$BENCH_PG_PORT" \
    -U postgres -d "$db" "$@"
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

# Milliseconds since the epoch.
bench_now_ms() {
  date +%s%3N
}

# Reads seconds, one a line, and prints "p50 p95 p99 max" in milliseconds (nearest rank).
bench_percentiles() {
  sort -g | awk '{ v[NR] = $1 * 1000 }
    function at(p,  i) { i = int(NR * p + 0.999999); if (i < 1) i = 1; return v[i] }
    END { if (NR == 0) { print "0 0 0 0"; exit } printf "%.0f %.0f %.0f %.0f\n", at(0.50), at(0.95), at(0.99), v[NR] }'
}

# Sends GET to each URL of a file (one a line) with one curl process, PARALLEL at a time, and prints each
# request's seconds, one a line; fails on any answer but 200.
# Usage: bench_time_gets TOKEN ACCEPT URL_FILE PARALLEL
bench_time_gets() {
  local token="$1" accept="$2" urls="$3" parallel="$4" config out
  config="$(mktemp)"; out="$(mktemp)"
  {
    printf 'header = "Authorization: Bearer %s"\nheader = "Accept: %s"\n' "$token" "$accept"
    printf 'write-out = "%%{http_code} %%{time_total}\\n"\n'
    while IFS= read -r url; do printf 'url = "%s"\noutput = "/dev/null"\n' "$url"; done <"$urls"
  } >"$config"
  local mode=()
  if ((parallel > 1)); then mode=(--parallel --parallel-max "$parallel"); fi
  # curl 7.88 draws its parallel progress meter even when silent; answers are checked below
  curl -s "${mode[@]}" -K "$config" >"$out" 2>/dev/null || true
  rm -f "$config"
  if awk '$1 != 200 { bad++ } END { exit bad ? 0 : 1 }' "$out"; then
    printf 'requests answered other than 200: %s\n' "$(awk '$1 != 200 { print $1 }' "$out" | sort | uniq -c | tr '\n' ' ')" >&2
    rm -f "$out"
    return 1
  fi
  awk '{ print $2 }' "$out"
  rm -f "$out"
}
