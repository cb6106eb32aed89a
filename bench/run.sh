#!/usr/bin/env bash
# The benchmark: builds in Release; times a cold start on an empty data folder against one on a seeded database;
# then per scale generates a database, starts the portal on loopback, signs in, and loads the main pages with wrk
# beside a bare endpoint that returns the same bytes as the reference page without database or Razor (pairs run
# alternately ROUNDS times, medians reported), the 500-person roster as HTML and as PDF, and finally a mixed
# read/write load (LOAD_CONNECTIONS connections, LOAD_SECONDS s, WRITE_SHARE writes). Tables go to bench/RESULTS.md.
#   SCALES="1 100" DURATION=10 ROUNDS=3 CONNECTIONS=16 WARMUP=10 LOAD_SECONDS=60 LOAD_CONNECTIONS=64 bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SCALES=${SCALES:-"1 100"}
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-16}
LOAD_SECONDS=${LOAD_SECONDS:-60}
LOAD_WARMUP=${LOAD_WARMUP:-10}
LOAD_CONNECTIONS=${LOAD_CONNECTIONS:-64}
WRITE_SHARE=${WRITE_SHARE:-0.1}
COLD_ROUNDS=${COLD_ROUNDS:-3}
WARMUP=${WARMUP:-10}
PORT=${PORT:-5081}
BASE="http://localhost:$PORT"
OUT=bench/out
mkdir -p "$OUT"

if ! command -v wrk >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

dotnet build -c Release -nologo -v q src/MissionPortal.Web >/dev/null
dotnet build -c Release -nologo -v q bench/MissionPortal.Bench >/dev/null
WEB=src/MissionPortal.Web/bin/Release/net10.0/MissionPortal.Web.dll
BENCH=bench/MissionPortal.Bench/bin/Release/net10.0/MissionPortal.Bench.dll
: > "$OUT/results.tsv"
: > "$OUT/load.tsv"
: > "$OUT/coldstart.tsv"
: > "$OUT/steps.tsv"
: > "$OUT/load-kinds.tsv"
{ date -u '+%Y-%m-%d %H:%M UTC'; uptime; } > "$OUT/machine.txt"

portal=
stop_portal() {
  if [ -n "$portal" ]; then
    kill "$portal" 2>/dev/null || true
    wait "$portal" 2>/dev/null || true
    portal=
  fi
}
trap stop_portal EXIT

# start_portal DATA_FOLDER [options...]: the Release build on loopback; sets $portal.
start_portal() {
  local data=$1
  shift
  mkdir -p "$data"
  ASPNETCORE_ENVIRONMENT=Production dotnet "$WEB" --urls "$BASE" --Storage:DataPath="$(pwd)/$data" \
    --Database:Provider=Sqlite --Demo:Enabled=true --Serilog:MinimumLevel:Default=Warning "$@" >>"$data/portal.log" 2>&1 &
  portal=$!
}

# Seconds from the process start until /health/ready answers (migrated, seeded, database reachable).
wait_ready() {
  local started=$1
  for _ in $(seq 1 3000); do
    if curl -fs -o /dev/null "$BASE/health/ready"; then
      echo "$(( $(date +%s%N) - started ))" | awk '{ printf "%.3f", $1 / 1e9 }'
      return 0
    fi
    sleep 0.02
  done
  echo "the portal did not become ready; see its log" >&2
  return 1
}

# Cold start: an empty data folder (create the database, migrate, seed demo data and accounts) against the same
# folder once seeded. Each pair alternates, so both see the same machine.
for round in $(seq 1 "$COLD_ROUNDS"); do
  cold="$OUT/cold"
  rm -rf "$cold"
  started=$(date +%s%N); start_portal "$cold"; empty=$(wait_ready "$started"); stop_portal
  started=$(date +%s%N); start_portal "$cold"; seeded=$(wait_ready "$started"); stop_portal
  printf '%s\t%s\t%s\n' "$round" "$empty" "$seeded" >>"$OUT/coldstart.tsv"
  echo "cold start $round: empty folder ${empty}s, seeded ${seeded}s"
done

for scale in $SCALES; do
  data="$OUT/x$scale"
  rm -rf "$data"
  dotnet "$BENCH" generate --scale "$scale" --out "$data"

  # The reference mission: the seed's Kaluga mission at 1x, a generated one with 100 people above; the 500-person
  # delegation the generator adds; and an open mission other than the reference one for the load test's sign-ups.
  read -r mission delegation large signup <<<"$(python3 - "$data/missionportal.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
large_title = "Бизнес-миссия с большой делегацией"
row = db.execute("""select d.MissionId, d.Id from Delegations d join Participants p on p.DelegationId = d.Id
                    join Missions m on m.Id = d.MissionId
                    where d.Side = 1 and m.Title <> ? group by d.Id order by count(*) desc, d.Id desc limit 1""", (large_title,)).fetchone()
large = db.execute("select d.Id from Delegations d join Missions m on m.Id = d.MissionId where m.Title = ? and d.Side = 1", (large_title,)).fetchone()
signup = db.execute("""select Id from Missions where EndDate >= date('now') and Status not in (5, 6) and Id <> ?
                       order by Title = ?, Id limit 1""", (row[0], large_title)).fetchone()
print(row[0], row[1], large[0], signup[0])
PY
)"

  start_portal "$data" --Diagnostics:SqlCommandHeader=true --Bench:BareFile="$(pwd)/$data/bare.html"
  wait_ready "$(date +%s%N)" >/dev/null

  jar="$data/cookies.txt"
  token=$(curl -s -c "$jar" "$BASE/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null -d "Email=agency@demo.local&Password=MissionDemo-2026&__RequestVerificationToken=$token" "$BASE/account/login"
  # As a browser does: the sign-in cookie Identity renews (its stamp check falls due every minute) replaces the old one.
  # wrk sends one fixed cookie, so it is refreshed before every run (each shorter than the minute); without this every
  # request after the first minute would reload the user, roles and claims and be sent a new cookie.
  fresh_cookie() {
    curl -s -b "$jar" -c "$jar" -o /dev/null "$BASE/missions"
    cookie=$(awk '!/^#/ && NF >= 7 && $6 !~ /TempData/ { printf "%s=%s; ", $6, $7 } /^#HttpOnly_/ && $6 !~ /TempData/ { sub("#HttpOnly_", ""); printf "%s=%s; ", $6, $7 }' "$jar")
  }
  fresh_cookie

  reference="/rosters/$delegation"
  curl -s -H "Cookie: $cookie" -o "$data/bare.html" "$BASE$reference"
  pages=("/rosters/$delegation" "/rosters/$delegation/pdf" "/programme/$mission" "/missions/details/$mission" "/missions" "/catalogue"
         "/catalogue?q=%D0%BA%D0%BE%D0%BD%D1%82%D1%80%D0%BE%D0%BB%D0%BB%D0%B5%D1%80" "/catalogue?q=%D0%BF%D1%80%D0%B8%D0%B1%D0%BE%D1%80"
         "/rosters/$large" "/rosters/$large/pdf")

  # The whole portal warmed up before anything is measured: the runtime compiles hot code a second time, optimised,
  # after some thousands of calls and a short delay, and the pipeline every page shares (Kestrel, middleware, sign-in)
  # is hot only after a while. Without this the first page measured met it in its first rounds, bare endpoint included.
  fresh_cookie
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -H "Cookie: $cookie" "$BASE/bench/bare" >/dev/null
  for page in "${pages[@]}" /bench/signed-in "/bench/roster-queries/$delegation"; do
    fresh_cookie
    wrk -t2 -c"$CONNECTIONS" -d3s -H "Cookie: $cookie" "$BASE$page" >/dev/null
  done

  for page in "${pages[@]}"; do
    # The fewest of three loads is counted: the first may fill caches that every later request shares, and a sign-in
    # check that falls due (the session stamp, Identity's interval) adds its own commands to whichever request it meets.
    fresh_cookie
    sql=$(for _ in 1 2 3; do curl -s -o /dev/null -D - -H "Cookie: $cookie" "$BASE$page" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-sql-commands" { print $2 }'; done | sort -n | head -1)
    # A warm-up run, not counted: the page's code is compiled again, optimised, once it has served a few thousand
    # requests; without it the first round of each page measures the compiler.
    wrk -t2 -c"$CONNECTIONS" -d2s -H "Cookie: $cookie" "$BASE$page" >/dev/null
    for round in $(seq 1 "$ROUNDS"); do
      for target in bare page; do
        url=$([ "$target" = bare ] && echo "$BASE/bench/bare" || echo "$BASE$page")
        fresh_cookie
        wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Cookie: $cookie" "$url" >"$data/wrk.txt"
        rps=$(awk '/^Requests\/sec/ { print $2 }' "$data/wrk.txt")
        p50=$(awk '$1 == "50%" { print $2 }' "$data/wrk.txt")
        p99=$(awk '$1 == "99%" { print $2 }' "$data/wrk.txt")
        non2xx=$(awk '/Non-2xx/ { print $NF }' "$data/wrk.txt")
        label=$page
        [ "$page" = "/rosters/$large" ] && label="/rosters/$large (500 people)"
        [ "$page" = "/rosters/$large/pdf" ] && label="/rosters/$large/pdf (500 people)"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scale" "$label" "$target" "$round" "$rps" "$p50" "$p99" "${sql:-?}|${non2xx:-0}" >>"$OUT/results.tsv"
      done
    done
  done

  # Where the roster's time goes: the same bytes answered by the bare endpoint, then behind the roster's sign-in and
  # policy, then also after the roster's two queries, then by the page itself (MVC and Razor on top), alternately.
  steps=("/bench/bare" "/bench/signed-in" "/bench/roster-queries/$delegation" "/rosters/$delegation")
  fresh_cookie
  for step in "${steps[@]}"; do wrk -t2 -c"$CONNECTIONS" -d2s -H "Cookie: $cookie" "$BASE$step" >/dev/null; done
  for round in $(seq 1 "$ROUNDS"); do
    for step in "${steps[@]}"; do
      fresh_cookie
      wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Cookie: $cookie" "$BASE$step" >"$data/wrk.txt"
      rps=$(awk '/^Requests\/sec/ { print $2 }' "$data/wrk.txt")
      p50=$(awk '$1 == "50%" { print $2 }' "$data/wrk.txt")
      non2xx=$(awk '/Non-2xx/ { print $NF }' "$data/wrk.txt")
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$scale" "${step/$delegation/\{id\}}" "$round" "$rps" "$p50" "${non2xx:-0}" >>"$OUT/steps.tsv"
    done
  done

  # The mixed load: reads of the pages above, and WRITE_SHARE writes (programme moves by the agency, sign-ups by a company).
  # Only the log written during it is searched (wrk's runs end by dropping requests in flight, which the log records).
  logged=$(cat "$data"/logs/*.log 2>/dev/null | wc -c)
  dotnet "$BENCH" load --url "$BASE" --connections "$LOAD_CONNECTIONS" --seconds "$LOAD_SECONDS" --warmup "$LOAD_WARMUP" \
    --writes "$WRITE_SHARE" --mission "$mission" --delegation "$delegation" --signup-mission "$signup" --pid "$portal" | tee "$data/load.txt"
  cat "$data"/logs/*.log 2>/dev/null | tail -c +$((logged + 1)) >"$data/load.log"
  locked=$(grep -ci "database is locked" "$data/load.log" || true)
  failures=$(grep -c "\[ERR\]\|\[FTL\]" "$data/load.log" || true)
  summary=$(awk -F'\t' '$1 == "summary" { $1 = ""; sub(/^\t/, ""); print }' OFS='\t' "$data/load.txt")
  printf '%s\t%s\t%s\t%s\n' "$scale" "$summary" "$locked" "$failures" >>"$OUT/load.tsv"
  awk -F'\t' -v scale="$scale" '$1 == "kind" { print scale "\t" $2 "\t" $3 "\t" $4 "\t" $5 }' OFS='\t' "$data/load.txt" >>"$OUT/load-kinds.tsv"

  stop_portal
done

uptime >> "$OUT/machine.txt"
python3 bench/report.py "$OUT" "$DURATION" "$ROUNDS" "$CONNECTIONS" "$LOAD_CONNECTIONS" "$LOAD_SECONDS" "$WRITE_SHARE" bench/RESULTS.md
# The B2B scheduler's section sits below the analysis marker, which report.py keeps; this run replaces it.
dotnet run -c Release --project bench/MissionPortal.Bench -- b2b --results bench/RESULTS.md > /dev/null
cat bench/RESULTS.md
