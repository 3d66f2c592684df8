# What the scenario scripts share: the platform's addresses from the environment, tokens, database access, timing and
# the figure lines. Sourced, not run.
#
# Environment (defaults: a platform started with ./platform run on this machine):
#   BENCH_PROPOSAL_URL ... BENCH_SUPERVISION_URL   the services (http://127.0.0.1:8081 ... 8085)
#   BENCH_PG_PORT       the platform's PostgreSQL on 127.0.0.1 (15432), user BENCH_PG_USER (postgres)
#   BENCH_IDENTITY_DIR  the local identity provider's keys (.platform/run/identity)
#   BENCH_ROOT          the repository (the parent of bench/)

BENCH_ROOT="${BENCH_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
BENCH_PROPOSAL_URL="${BENCH_PROPOSAL_URL:-http://127.0.0.1:8081}"
BENCH_ASSIGNMENT_URL="${BENCH_ASSIGNMENT_URL:-http://127.0.0.1:8082}"
BENCH_REPLY_URL="${BENCH_REPLY_URL:-http://127.0.0.1:8083}"
BENCH_EVALUATION_URL="${BENCH_EVALUATION_URL:-http://127.0.0.1:8084}"
BENCH_SUPERVISION_URL="${BENCH_SUPERVISION_URL:-http://127.0.0.1:8085}"
BENCH_PG_PORT="${BENCH_PG_PORT:-15432}"
BENCH_PG_USER="${BENCH_PG_USER:-postgres}"
BENCH_IDENTITY_DIR="${BENCH_IDENTITY_DIR:-$BENCH_ROOT/.platform/run/identity}"

bench_die() {
  printf '%s: %s\n' "$(basename "$0")" "$*" >&2
  exit 1
}

bench_need() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || bench_die "needs $tool on the PATH"
  done
}

# Milliseconds since the epoch.
bench_now_ms() {
  date +%s%3N
}

# A bearer token of one of the local run's demo people.
bench_token() {
  local jar
  jar="$(compgen -G "$BENCH_ROOT/local-infra/target/local-infra-*.jar" | grep -v -e '-sources' -e '-tests' | head -n 1)" \
    || bench_die "local-infra is not built (./mvnw -pl local-infra -am install -DskipTests)"
  java -cp "$jar" org.proposals.infra.DevIdentity token "$BENCH_IDENTITY_DIR" "$1" \
    || bench_die "no token for $1 from $BENCH_IDENTITY_DIR"
}

# psql on one of the platform's databases, unaligned and quiet: bench_sql DATABASE [psql args...]
bench_sql() {
  local db="$1"; shift
  psql -X -q -tA -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$BENCH_PG_PORT" -U "$BENCH_PG_USER" -d "$db" "$@"
}

# Prints a figure for the harness and a person: figure NAME VALUE UNIT TARGET MET (MET: met, missed or -).
bench_figure() {
  printf 'figure\t%s\t%s\t%s\t%s\t%s\n' "$@"
}

# "met" when VALUE <= LIMIT, "missed" otherwise (decimals allowed).
bench_within() {
  awk -v v="$1" -v l="$2" 'BEGIN { print (v <= l) ? "met" : "missed" }'
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
