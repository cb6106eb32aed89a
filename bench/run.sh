#!/usr/bin/env bash
# The benchmark: builds in Release; times a cold start on an empty data folder against one on a seeded database;
# then per scale generates a database, starts the portal on loopback, signs in, and loads the main pages with wrk
# beside a bare endpoint that returns the same bytes as the reference page without database or Razor (pairs run
# alternately ROUNDS times, medians reported), the 500-person roster as HTML and as PDF, and finally a mixed
# read/write load (LOAD_CONNECTIONS connections, LOAD_SECONDS s, WRITE_SHARE writes). Tables go to bench/RESULTS.md.
#   SCALES="1 100" DURATION=10 ROUNDS=3 CONNECTIONS=16 WARMUP=10 LOAD_SECONDS=60 LOAD_CONNECTIONS=64 bench/run.sh
# DATABASE=PostgreSql runs the same on a throw-away PostgreSQL cluster (tools/postgres.sh, durable settings), adds
# the roster answered through raw Npgsql and a hand-written writer (/bench/roster-raw/{id}) to the roster's steps, and
# runs the mixed load through nginx (TLS, deploy/nginx's template) over two instances on one database and one data
# folder. Its tables go to their own section of bench/RESULTS.md; the SQLite section is kept, and the other way round.
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
DATABASE=${DATABASE:-Sqlite}
case "$DATABASE" in
  Sqlite | PostgreSql) ;;
  *) echo "DATABASE is Sqlite or PostgreSql, not '$DATABASE'" >&2; exit 2 ;;
esac
PORT=${PORT:-5081}
BASE="http://localhost:$PORT"
OUT=bench/out
mkdir -p "$OUT"

needed=()
command -v wrk >/dev/null || needed+=(wrk)
if [ "$DATABASE" = PostgreSql ]; then
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || needed+=(nginx)
  command -v openssl >/dev/null || needed+=(openssl)
  command -v psql >/dev/null || needed+=(postgresql-client)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || needed+=(postgresql)
fi
if [ ${#needed[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed[@]}" >/dev/null
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
portal_b=
nginx_pid=
pg_dir=
stop_process() {
  if [ -n "$1" ]; then
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
  fi
}
stop_portal() {
  stop_process "$portal"
  portal=
}
cleanup() {
  stop_portal
  stop_process "$portal_b"
  stop_process "$nginx_pid"
  if [ -n "$pg_dir" ]; then tools/postgres.sh stop "$pg_dir" || true; fi
}
trap cleanup EXIT

if [ "$DATABASE" = PostgreSql ]; then
  pg_dir=$(mktemp -d /tmp/missionportal-bench-pg.XXXXXX)
  pg_port=$(tools/postgres.sh start "$pg_dir" | sed -n 's/^PGPORT=//p')
  echo "PostgreSQL on 127.0.0.1:$pg_port"
fi

# The database of a data folder: its SQLite file, or on PostgreSQL a database named after the folder.
pg_connection() { echo "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=bench_$(basename "$1" | tr -c 'a-z0-9\n' '_')"; }
database_args() {
  if [ "$DATABASE" = PostgreSql ]; then
    db_args=(--Database:Provider=PostgreSql "--ConnectionStrings:PostgreSql=$(pg_connection "$1")" --Database:MigrateOnStart=true
             --ForwardedHeaders:Enabled=true --ForwardedHeaders:KnownProxies:0=127.0.0.1)
  else
    db_args=(--Database:Provider=Sqlite)
  fi
}
pg_sql() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -X -q -At "$@"; }

# start_portal DATA_FOLDER [options...]: the Release build on loopback; sets $portal.
start_portal() {
  local data=$1
  shift
  mkdir -p "$data"
  database_args "$data"
  ASPNETCORE_ENVIRONMENT=Production dotnet "$WEB" --urls "$BASE" --Storage:DataPath="$(pwd)/$data" \
    "${db_args[@]}" --Demo:Enabled=true --Serilog:MinimumLevel:Default=Warning "$@" >>"$data/portal.log" 2>&1 &
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

# On PostgreSQL, for the mixed load: a second instance on the same database and data folder beside the running one,
# and nginx in front of both with the repository's template (TLS with a certificate made for the run, forwarded
# headers from 127.0.0.1 only, sign-ins kept on one instance per client address). Sets $portal_b, $nginx_pid, $NGINX_PORT.
start_second_instance() {
  local data=$1 work port_b
  work="$(pwd)/$data/nginx"
  mkdir -p "$work/temp"
  chmod 1777 "$work/temp"
  port_b=$((PORT + 1))
  NGINX_PORT=$((PORT + 2))
  database_args "$data"
  ASPNETCORE_ENVIRONMENT=Production dotnet "$WEB" --urls "http://localhost:$port_b" --Storage:DataPath="$(pwd)/$data" \
    "${db_args[@]}" --Demo:Enabled=true --Serilog:MinimumLevel:Default=Warning --Instance:Name=b \
    --Bench:BareFile="$(pwd)/$data/bare.html" >>"$data/portal-b.log" 2>&1 &
  portal_b=$!
  for _ in $(seq 1 3000); do curl -fs -o /dev/null "http://localhost:$port_b/health/ready" && break; sleep 0.05; done
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$work/tls.key" -out "$work/tls.crt" 2>/dev/null
  sed -e "s|\${PORTAL_A}|127.0.0.1:$PORT|g; s|\${PORTAL_B}|127.0.0.1:$port_b|g; s|\${LISTEN}|127.0.0.1:$NGINX_PORT|g" \
      -e "s|\${TLS_CERT}|$work/tls.crt|g; s|\${TLS_KEY}|$work/tls.key|g" deploy/nginx/missionportal.conf.template >"$work/site.conf"
  cat >"$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/error.log;
worker_processes 2;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/temp/body;
    proxy_temp_path $work/temp/proxy;
    fastcgi_temp_path $work/temp/fastcgi;
    uwsgi_temp_path $work/temp/uwsgi;
    scgi_temp_path $work/temp/scgi;
    include $work/site.conf;
}
CONF
  local nginx
  nginx=$(command -v nginx || echo /usr/sbin/nginx)
  "$nginx" -t -q -c "$work/nginx.conf" -p "$work"
  "$nginx" -c "$work/nginx.conf" -p "$work" -g 'daemon off;' &
  nginx_pid=$!
  sleep 1
}

# Cold start: an empty data folder (create the database, migrate, seed demo data and accounts) against the same
# folder once seeded. Each pair alternates, so both see the same machine.
for round in $(seq 1 "$COLD_ROUNDS"); do
  cold="$OUT/cold"
  rm -rf "$cold"
  if [ "$DATABASE" = PostgreSql ]; then pg_sql -d postgres -c "DROP DATABASE IF EXISTS bench_cold WITH (FORCE)"; fi
  started=$(date +%s%N); start_portal "$cold"; empty=$(wait_ready "$started"); stop_portal
  started=$(date +%s%N); start_portal "$cold"; seeded=$(wait_ready "$started"); stop_portal
  printf '%s\t%s\t%s\n' "$round" "$empty" "$seeded" >>"$OUT/coldstart.tsv"
  echo "cold start $round: empty folder ${empty}s, seeded ${seeded}s"
done

for scale in $SCALES; do
  data="$OUT/x$scale"
  rm -rf "$data"
  if [ "$DATABASE" = PostgreSql ]; then
    dotnet "$BENCH" generate --scale "$scale" --out "$data" --postgres "$(pg_connection "$data")"
  else
    dotnet "$BENCH" generate --scale "$scale" --out "$data"
  fi

  # The reference mission: the seed's Kaluga mission at 1x, a generated one with 100 people above; the 500-person
  # delegation the generator adds; and an open mission other than the reference one for the load test's sign-ups.
  if [ "$DATABASE" = PostgreSql ]; then
    read -r mission delegation large signup <<<"$(pg_sql -d "bench_x$scale" -F ' ' <<'SQL'
WITH reference AS (
  SELECT d."MissionId", d."Id" FROM "Delegations" d JOIN "Participants" p ON p."DelegationId" = d."Id"
  JOIN "Missions" m ON m."Id" = d."MissionId"
  WHERE d."Side" = 1 AND m."Title" <> 'Бизнес-миссия с большой делегацией'
  GROUP BY d."Id" ORDER BY count(*) DESC, d."Id" DESC LIMIT 1)
SELECT (SELECT "MissionId" FROM reference), (SELECT "Id" FROM reference),
  (SELECT d."Id" FROM "Delegations" d JOIN "Missions" m ON m."Id" = d."MissionId"
   WHERE m."Title" = 'Бизнес-миссия с большой делегацией' AND d."Side" = 1),
  (SELECT "Id" FROM "Missions" WHERE "EndDate" >= current_date AND "Status" NOT IN (5, 6) AND "Id" <> (SELECT "MissionId" FROM reference)
   ORDER BY "Title" = 'Бизнес-миссия с большой делегацией', "Id" LIMIT 1);
SQL
)"
  else
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
  fi

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
  # On PostgreSQL also by raw Npgsql and a hand-written writer (the page saved above is its layout): the same
  # bytes but for antiforgery tokens, which is checked here before it is measured.
  steps=("/bench/bare" "/bench/signed-in" "/bench/roster-queries/$delegation" "/rosters/$delegation")
  if [ "$DATABASE" = PostgreSql ]; then
    curl -s -H "Cookie: $cookie" "$BASE/rosters/$delegation" | sed -E 's/value="CfDJ8[^"]*"/value="token"/g' >"$data/page.html"
    curl -s "$BASE/bench/roster-raw/$delegation" | sed -E 's/value="CfDJ8[^"]*"/value="token"/g' >"$data/raw.html"
    if ! cmp -s "$data/page.html" "$data/raw.html"; then
      echo "the raw roster differs from the page:" >&2
      diff "$data/page.html" "$data/raw.html" | head -20 >&2
      exit 1
    fi
    steps=("/bench/bare" "/bench/roster-raw/$delegation" "/bench/signed-in" "/bench/roster-queries/$delegation" "/rosters/$delegation")
  fi
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
  # On PostgreSQL through nginx over two instances (the production recipe); memory is the first instance's.
  logged=$(cat "$data"/logs/*.log 2>/dev/null | wc -c)
  load_url=$BASE
  load_options=()
  if [ "$DATABASE" = PostgreSql ]; then
    start_second_instance "$data"
    load_url="https://localhost:$NGINX_PORT"
    load_options=(--self-signed)
  fi
  dotnet "$BENCH" load --url "$load_url" --connections "$LOAD_CONNECTIONS" --seconds "$LOAD_SECONDS" --warmup "$LOAD_WARMUP" \
    --writes "$WRITE_SHARE" --mission "$mission" --delegation "$delegation" --signup-mission "$signup" --pid "$portal" "${load_options[@]}" | tee "$data/load.txt"
  cat "$data"/logs/*.log 2>/dev/null | tail -c +$((logged + 1)) >"$data/load.log"
  locked=$(grep -ci "database is locked" "$data/load.log" || true)
  failures=$(grep -c "\[ERR\]\|\[FTL\]" "$data/load.log" || true)
  summary=$(awk -F'\t' '$1 == "summary" { $1 = ""; sub(/^\t/, ""); print }' OFS='\t' "$data/load.txt")
  printf '%s\t%s\t%s\t%s\n' "$scale" "$summary" "$locked" "$failures" >>"$OUT/load.tsv"
  awk -F'\t' -v scale="$scale" '$1 == "kind" { print scale "\t" $2 "\t" $3 "\t" $4 "\t" $5 }' OFS='\t' "$data/load.txt" >>"$OUT/load-kinds.tsv"

  stop_portal
  stop_process "$portal_b"; portal_b=
  stop_process "$nginx_pid"; nginx_pid=
done

uptime >> "$OUT/machine.txt"
BENCH_DATABASE=$DATABASE python3 bench/report.py "$OUT" "$DURATION" "$ROUNDS" "$CONNECTIONS" "$LOAD_CONNECTIONS" "$LOAD_SECONDS" "$WRITE_SHARE" bench/RESULTS.md
if [ "$DATABASE" = Sqlite ]; then
  # The B2B scheduler's section sits below the analysis marker, which report.py keeps; this run replaces it.
  dotnet run -c Release --project bench/MissionPortal.Bench -- b2b --results bench/RESULTS.md > /dev/null
fi
cat bench/RESULTS.md
