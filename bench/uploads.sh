#!/usr/bin/env bash
# Hostile uploads against the Release build on loopback: a small PNG of 16000x16000 pixels, one of 5000x5000
# (within the sides, over the decode cap), an .xlsx whose one cell unpacks to 300 MB, one with 2,000,000 empty rows,
# and, for comparison, an ordinary 1200x800 photo and eight 4000x3000 PNGs sent at once (decodes are bounded).
# For each: the answer, the time to it, and the portal's peak resident memory while it was answered (VmHWM, reset
# before each case through /proc/PID/clear_refs) against its resting size. The table goes to bench/UPLOADS.md.
#   PORT=5082 bench/uploads.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-5082}
BASE="http://localhost:$PORT"
OUT=bench/out/uploads
rm -rf "$OUT"
mkdir -p "$OUT/data"

dotnet build -c Release -nologo -v q src/MissionPortal.Web >/dev/null
WEB=src/MissionPortal.Web/bin/Release/net10.0/MissionPortal.Web.dll

# The files, made here: a PNG's pixels compress to almost nothing, a zip's too.
python3 - "$OUT" <<'PY'
import struct, sys, zlib, zipfile
out = sys.argv[1]

def png(path, width, height):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    z = zlib.compressobj(9)
    line = b"\0" * (width + 1)
    data = b"".join(z.compress(line) for _ in range(height)) + z.flush()
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
                + chunk(b"IDAT", data) + chunk(b"IEND", b""))

def xlsx(path, sheet_writer):
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, text in parts.items():
            z.writestr(name, text)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            sheet_writer(sheet)
            sheet.write(b"</sheetData></worksheet>")

def row(number, *cells):
    return (f'<row r="{number}">' + "".join(f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{c}</t></is></c>' for i, c in enumerate(cells)) + "</row>").encode()

header = row(1, "Фамилия", "Имя", "Должность")

def big_cell(sheet):
    sheet.write(header + b'<row r="2"><c r="A2" t="inlineStr"><is><t>')
    chunk = b"a" * (1024 * 1024)
    for _ in range(300):
        sheet.write(chunk)
    sheet.write(b"</t></is></c></row>")

def empty_rows(sheet):
    sheet.write(header + row(2_000_000, "Иванов", "Иван", "Директор"))

png(f"{out}/photo.png", 1200, 800)
png(f"{out}/huge.png", 16000, 16000)
png(f"{out}/wide.png", 5000, 5000)
png(f"{out}/camera.png", 4000, 3000)
xlsx(f"{out}/cell-300mb.xlsx", big_cell)
xlsx(f"{out}/empty-rows.xlsx", empty_rows)
PY

ASPNETCORE_ENVIRONMENT=Production dotnet "$WEB" --urls "$BASE" --Storage:DataPath="$(pwd)/$OUT/data" \
  --Database:Provider=Sqlite --Demo:Enabled=true --Serilog:MinimumLevel:Default=Warning \
  --RateLimiting:Uploads:PermitLimit=100000 >>"$OUT/portal.log" 2>&1 &
portal=$!
trap 'kill $portal 2>/dev/null || true; wait $portal 2>/dev/null || true' EXIT
for _ in $(seq 1 3000); do
  curl -fs -o /dev/null "$BASE/health/ready" && break
  sleep 0.05
done

login() { # login JAR EMAIL
  local token
  token=$(curl -s -c "$1" "$BASE/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -b "$1" -c "$1" -o /dev/null -d "Email=$2&Password=MissionDemo-2026&__RequestVerificationToken=$token" "$BASE/account/login"
}
form_token() { # form_token JAR PATH
  curl -s -b "$1" -c "$1" "$BASE$2" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'
}
company="$OUT/company.txt"
agency="$OUT/agency.txt"
login "$company" company@demo.local
login "$agency" agency@demo.local
mission=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select min(Id) from Missions').fetchone()[0])" "$OUT/data/missionportal.db")

product() { # product FILE...: posts a new product with the files as its images (as $JAR, the company by default); prints the status code
  local token args=() jar=${JAR:-$company}
  token=$(form_token "$jar" /products/new)
  for f in "$@"; do args+=(-F "Images=@$f;type=image/png"); done
  curl -s -b "$jar" -c "$jar" -o "${ANSWER:-$OUT/answer.html}" -w '%{http_code}' \
    -F "__RequestVerificationToken=$token" -F "Name=Контроллер $RANDOM$RANDOM" -F "Category=Электроника" \
    -F "Description=Контроллеры для промышленной автоматики" -F "Okpd2Code=26.51.66" "${args[@]}" "$BASE/products/new"
}
upload_import() { # upload_import FILE: sends the file to the delegation import; prints the status code
  local token
  token=$(form_token "$agency" "/missions/$mission/import")
  curl -s -b "$agency" -c "$agency" -o "$OUT/answer.html" -w '%{http_code}' \
    -F "__RequestVerificationToken=$token" -F "file=@$1;type=application/octet-stream" "$BASE/missions/$mission/import"
}
kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$portal/status"; }

# Warm: the pages and one ordinary upload, so the resting size includes the codecs and the spreadsheet reader.
product "$OUT/photo.png" >/dev/null
upload_import "$OUT/empty-rows.xlsx" >/dev/null
sleep 2
rest=$(kb VmRSS)

rows=()
measure() { # measure NAME COMMAND...
  local name=$1 started status elapsed message
  shift
  echo 5 > "/proc/$portal/clear_refs"
  started=$(date +%s%N)
  status=$("$@")
  elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
  message=$(python3 -c "
import html, re, sys
text = open(sys.argv[1], encoding='utf-8').read()
found = re.findall(r'(Изображение[^<]*слишком большое[^<]*|Файл слишком велик[^<]*|В файле больше[^<]*|В строке \d+ значение[^<]*)', text)
print(html.unescape(found[0]).strip() if found else '')" "$OUT/answer.html")
  rows+=("| $name | $(stat -c %s "${@: -1}" | awk '{ printf "%.0f KB", $1 / 1024 }') | $status | $elapsed | $(( $(kb VmHWM) / 1024 )) | $(( $(kb VmRSS) / 1024 )) | $message |")
}

measure "PNG 1200×800 (accepted)" product "$OUT/photo.png"
measure "PNG 16000×16000" product "$OUT/huge.png"
measure "PNG 5000×5000" product "$OUT/wide.png"
measure ".xlsx, one cell of 300 MB" upload_import "$OUT/cell-300mb.xlsx"
measure ".xlsx, 2,000,000 empty rows" upload_import "$OUT/empty-rows.xlsx"

# Eight 4000×3000 PNGs (12 MP, within the caps) at once from eight requests: one decode per processor at a time.
echo 5 > "/proc/$portal/clear_refs"
started=$(date +%s%N)
for n in $(seq 1 8); do
  cp "$company" "$OUT/company.$n.txt"
  JAR="$OUT/company.$n.txt" ANSWER="$OUT/answer.$n.html" product "$OUT/camera.png" > "$OUT/parallel.$n" &
done
wait $(jobs -p | grep -v "^$portal$") 2>/dev/null || true
elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
statuses=$(for f in "$OUT"/parallel.*; do cat "$f"; echo; done | sort | uniq -c | awk '{ printf "%s×%s ", $1, $2 }')
rows+=("| 8 × PNG 4000×3000 at once (accepted) | $(stat -c %s "$OUT/camera.png" | awk '{ printf "%.0f KB", $1 / 1024 }') each | $statuses| $elapsed | $(( $(kb VmHWM) / 1024 )) | $(( $(kb VmRSS) / 1024 )) | |")

{
  echo "# Hostile uploads"
  echo
  echo "\`bench/uploads.sh\`, Release build on loopback, run $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, load \`$(cut -d' ' -f1-3 /proc/loadavg)\`."
  echo "The portal's resident memory at rest, after one ordinary upload and one import: **$(( rest / 1024 )) MB**."
  echo "Peak is the most resident memory while the case was answered (VmHWM, reset before each case)."
  echo
  echo "| case | file | HTTP | ms | peak MB | after MB | message |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
  printf '%s\n' "${rows[@]}"
} > bench/UPLOADS.md
cat bench/UPLOADS.md
