#!/usr/bin/env bash
# The benchmark: builds in Release, generates a database per scale, starts the portal on loopback,
# signs in, and loads the main pages with wrk beside a bare endpoint that returns the same bytes as the
# reference page without database or Razor. Pairs run alternately ROUNDS times; medians go to bench/RESULTS.md.
#   SCALES="1 100" DURATION=10 ROUNDS=3 CONNECTIONS=16 bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SCALES=${SCALES:-"1 100"}
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-16}
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

for scale in $SCALES; do
  data="$OUT/x$scale"
  rm -rf "$data"
  dotnet "$BENCH" generate --scale "$scale" --out "$data"

  # The reference mission: the seed's Kaluga mission at 1x, a generated one with 100 people above.
  read -r mission delegation <<<"$(python3 - "$data/missionportal.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
row = db.execute("""select d.MissionId, d.Id from Delegations d join Participants p on p.DelegationId = d.Id
                    where d.Side = 1 group by d.Id order by count(*) desc, d.Id desc limit 1""").fetchone()
print(row[0], row[1])
PY
)"

  ASPNETCORE_ENVIRONMENT=Production dotnet "$WEB" --urls "$BASE" --Storage:DataPath="$(pwd)/$data" \
    --Database:Provider=Sqlite --Demo:Enabled=true --Diagnostics:SqlCommandHeader=true \
    --Bench:BareFile="$(pwd)/$data/bare.html" --Serilog:MinimumLevel:Default=Warning >"$data/portal.log" 2>&1 &
  portal=$!
  trap 'kill $portal 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do curl -fs "$BASE/health/ready" >/dev/null && break; sleep 0.5; done

  jar="$data/cookies.txt"
  token=$(curl -s -c "$jar" "$BASE/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null -d "Email=agency@demo.local&Password=MissionDemo-2026&__RequestVerificationToken=$token" "$BASE/account/login"
  cookie=$(awk '!/^#/ && NF >= 7 { printf "%s=%s; ", $6, $7 } /^#HttpOnly_/ { sub("#HttpOnly_", ""); printf "%s=%s; ", $6, $7 }' "$jar")

  reference="/rosters/$delegation"
  curl -s -H "Cookie: $cookie" -o "$data/bare.html" "$BASE$reference"
  pages=("/rosters/$delegation" "/rosters/$delegation/pdf" "/programme/$mission" "/missions/details/$mission" "/missions" "/catalogue" "/catalogue?q=%D0%BA%D0%BE%D0%BD%D1%82%D1%80%D0%BE%D0%BB%D0%BB%D0%B5%D1%80")

  for page in "${pages[@]}"; do
    sql=$(curl -s -o /dev/null -D - -H "Cookie: $cookie" "$BASE$page" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-sql-commands" { print $2 }')
    for round in $(seq 1 "$ROUNDS"); do
      for target in bare page; do
        url=$([ "$target" = bare ] && echo "$BASE/bench/bare" || echo "$BASE$page")
        wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Cookie: $cookie" "$url" >"$data/wrk.txt"
        rps=$(awk '/^Requests\/sec/ { print $2 }' "$data/wrk.txt")
        p50=$(awk '$1 == "50%" { print $2 }' "$data/wrk.txt")
        p99=$(awk '$1 == "99%" { print $2 }' "$data/wrk.txt")
        non2xx=$(awk '/Non-2xx/ { print $NF }' "$data/wrk.txt")
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scale" "$page" "$target" "$round" "$rps" "$p50" "$p99" "${sql:-?}|${non2xx:-0}" >>"$OUT/results.tsv"
      done
    done
  done

  kill $portal 2>/dev/null || true
  wait $portal 2>/dev/null || true
  trap - EXIT
done

python3 bench/report.py "$OUT/results.tsv" "$DURATION" "$ROUNDS" "$CONNECTIONS" > bench/RESULTS.md
dotnet run -c Release --project bench/MissionPortal.Bench -- b2b --results bench/RESULTS.md > /dev/null
cat bench/RESULTS.md
