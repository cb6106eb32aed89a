#!/usr/bin/env python3
"""Two portal instances behind nginx over one PostgreSQL database and one data folder, and what must hold for them.

    tools/two-instances.py [--no-build] [--keep]

Starts a throw-away PostgreSQL cluster (tools/postgres.sh), two portals (Production environment, demo data,
PostgreSQL, one shared data folder, forwarded headers on) and Debian's nginx with deploy/nginx/missionportal.conf.template
over TLS (a self-signed certificate made for the run). Then checks, talking to each instance directly where the point
is which one answers and through nginx otherwise:

  - a sign-in on one instance is valid on the other (data-protection keys in the database);
  - a file uploaded through one is served by the other (shared data folder);
  - a product category, a travel time and a region changed through one are seen through the other at once, though
    both keep these lists in memory (cache signals by NOTIFY/LISTEN); a sign-out through one ends the session on both;
  - through nginx requests reach both instances, the scheme is https (HSTS), the client address is nginx's view of
    it whatever X-Forwarded-For the client sends, and sign-in attempts are limited per client address for the whole
    site (RateLimiting:Login), not per instance.

Stops and removes everything at the end, failure included (--keep leaves it running until Enter). Exit code 0 when
every check passes. Needs python3, openssl, nginx (apt-get install nginx) and the PostgreSQL server binaries.
"""

import argparse
from html import unescape
import http.client
import os
import re
import shutil
import signal
import socket
import ssl
import struct
import subprocess
import sys
import tempfile
import time
import uuid
import zlib

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
WEB = os.path.join(ROOT, "src", "MissionPortal.Web")
DLL = os.path.join(WEB, "bin", "Debug", "net10.0", "MissionPortal.Web.dll")
PASSWORD = "MissionDemo-2026"
# The portals' public address (Portal:PublicUrl): every client below sends it as Host, as nginx passes a browser's on.
PUBLIC_HOST = "portal.example.ru"
AUTH_COOKIE = "__Host-MissionPortal.Auth"

results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(("PASS " if ok else "FAIL ") + name + (f" ({detail})" if detail else ""), flush=True)
    return ok


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    """A browser of sorts: its own cookies, no redirects followed, one host (an instance or nginx)."""

    def __init__(self, name, port, tls_ca=None, forwarded_for=None, host=None):
        self.name, self.port, self.tls_ca, self.forwarded_for, self.host = name, port, tls_ca, forwarded_for, host
        self.cookies = {}

    def at(self, other, cookies=None):
        """The same cookies (or those given), another host: a browser whose next request goes elsewhere."""
        twin = Client(other.name, other.port, other.tls_ca, other.forwarded_for, other.host)
        twin.cookies = self.cookies if cookies is None else cookies
        return twin

    def request(self, method, path, body=None, content_type=None, headers=None):
        if self.tls_ca:
            context = ssl.create_default_context(cafile=self.tls_ca)
            conn = http.client.HTTPSConnection("localhost", self.port, context=context, timeout=120)
        else:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        sent = {}
        if self.forwarded_for:
            sent["X-Forwarded-For"] = self.forwarded_for
        if self.host:
            sent["Host"] = self.host
        sent.update(headers or {})
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if content_type:
            sent["Content-Type"] = content_type
        conn.request(method, path, body=body, headers=sent)
        response = conn.getresponse()
        data = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                cookie_value = rest.split(";", 1)[0]
                if "expires=thu, 01 jan 1970" in value.lower() or "max-age=0" in value.lower() or cookie_value == "":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = cookie_value
        conn.close()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data.decode("utf-8", "replace") if not _binary(response) else data

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post_form(self, path, fields, headers=None):
        from urllib.parse import urlencode
        return self.request("POST", path, urlencode(fields).encode(), "application/x-www-form-urlencoded", headers)

    def post_multipart(self, path, fields, files):
        boundary = "----portal" + uuid.uuid4().hex
        parts = []
        for name, value in fields.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        for name, (filename, content_type, content) in files.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                         f'Content-Type: {content_type}\r\n\r\n'.encode() + content + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request("POST", path, b"".join(parts), f"multipart/form-data; boundary={boundary}")


def _binary(response):
    kind = response.getheader("Content-Type") or ""
    return not (kind.startswith("text/") or "json" in kind or kind == "")


def token(html):
    match = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html) \
        or re.search(r'value="([^"]+)"[^>]*name="__RequestVerificationToken"', html)
    if not match:
        raise RuntimeError("no antiforgery token in the page")
    return match.group(1)


def field(html, name):
    match = re.search(rf'name="{name}"[^>]*value="([^"]*)"', html) or re.search(rf'value="([^"]*)"[^>]*name="{name}"', html)
    return match.group(1) if match else ""


def sign_in(client, email, password=PASSWORD):
    _, _, page = client.get("/Account/Login")
    status, headers, _ = client.post_form("/Account/Login", {
        "Email": email, "Password": password, "ReturnUrl": "", "__RequestVerificationToken": token(page)})
    return status, headers


def png(width=8, height=8):
    raw = b"".join(b"\x00" + bytes([200, 30, 30]) * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) \
        + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def wait_ready(port, process, seconds=240):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            return False
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/health/ready")
            if conn.getresponse().status == 200:
                return True
        except OSError:
            pass
        time.sleep(1)
    return False


def psql(bin_dir, pg_port, sql):
    return subprocess.run([os.path.join(bin_dir, "psql"), "-h", "127.0.0.1", "-p", str(pg_port), "-U", "postgres",
                           "-d", "missionportal", "-v", "ON_ERROR_STOP=1", "-qAtc", sql],
                          check=True, capture_output=True, text=True).stdout.strip()


def postgres_bin():
    found = sorted(p for p in (os.path.join("/usr/lib/postgresql", v, "bin") for v in os.listdir("/usr/lib/postgresql"))
                   if os.path.exists(os.path.join(p, "psql")))
    return found[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-build", action="store_true", help="use the existing Debug build of MissionPortal.Web")
    parser.add_argument("--keep", action="store_true", help="leave everything running until Enter is pressed")
    args = parser.parse_args()
    for tool in ("nginx", "openssl"):
        if not shutil.which(tool) and not os.path.exists(f"/usr/sbin/{tool}"):
            print(f"{tool} not found (apt-get install {tool}).", file=sys.stderr)
            return 2

    if not args.no_build:
        subprocess.run(["dotnet", "build", WEB, "--nologo", "-v", "q", "-warnaserror"], check=True)

    work = tempfile.mkdtemp(prefix="missionportal-two-")
    os.chmod(work, 0o755)
    data = os.path.join(work, "data")
    os.makedirs(data)
    pg_dir = os.path.join(work, "pg")
    processes = []

    def stop(*_):
        raise SystemExit(130)

    signal.signal(signal.SIGTERM, stop)
    try:
        started = time.time()
        out = subprocess.run([os.path.join(ROOT, "tools", "postgres.sh"), "start", pg_dir], check=True, capture_output=True, text=True).stdout
        pg_port = int(re.search(r"PGPORT=(\d+)", out).group(1))
        connection = f"Host=127.0.0.1;Port={pg_port};Username=postgres;Database=missionportal"
        print(f"PostgreSQL on 127.0.0.1:{pg_port}, data folder {data}", flush=True)

        ports = {"a": free_port(), "b": free_port()}
        logs = {}

        def start_portal(name):
            env = dict(os.environ,
                       ASPNETCORE_ENVIRONMENT="Production",
                       ASPNETCORE_URLS=f"http://127.0.0.1:{ports[name]}",
                       Database__Provider="PostgreSql",
                       ConnectionStrings__PostgreSql=connection,
                       Database__MigrateOnStart="true",
                       Demo__Enabled="true",
                       Storage__DataPath=data,
                       Instance__Name=name,
                       # In Production only requests for the public address are served (its host; /health excepted).
                       Portal__PublicUrl=f"https://{PUBLIC_HOST}",
                       ForwardedHeaders__Enabled="true",
                       ForwardedHeaders__KnownProxies__0="127.0.0.1")
            logs[name] = open(os.path.join(work, f"portal-{name}.out"), "w")
            process = subprocess.Popen(["dotnet", DLL], cwd=WEB, env=env, stdout=logs[name], stderr=subprocess.STDOUT)
            processes.append(process)
            if not wait_ready(ports[name], process):
                logs[name].flush()
                print(open(os.path.join(work, f"portal-{name}.out")).read()[-4000:], file=sys.stderr)
                raise RuntimeError(f"portal {name} did not become ready")
            print(f"portal {name} ready on 127.0.0.1:{ports[name]} after {time.time() - started:.0f} s", flush=True)

        # The first migrates and seeds; the second finds both done.
        start_portal("a")
        start_portal("b")

        # nginx: the repository's template inside a minimal main configuration, TLS with a certificate for localhost.
        cert, key = os.path.join(work, "tls.crt"), os.path.join(work, "tls.key")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert],
                       check=True, capture_output=True)
        nginx_port = free_port()
        template = open(os.path.join(ROOT, "deploy", "nginx", "missionportal.conf.template"), encoding="utf-8").read()
        site = template
        for name, value in {"PORTAL_A": f"127.0.0.1:{ports['a']}", "PORTAL_B": f"127.0.0.1:{ports['b']}",
                            "LISTEN": f"127.0.0.1:{nginx_port}", "TLS_CERT": cert, "TLS_KEY": key}.items():
            site = site.replace("${" + name + "}", value)
        with open(os.path.join(work, "site.conf"), "w", encoding="utf-8") as f:
            f.write(site)
        temp = os.path.join(work, "nginx-temp")
        os.makedirs(temp)
        os.chmod(temp, 0o1777)
        with open(os.path.join(work, "nginx.conf"), "w", encoding="utf-8") as f:
            f.write(f"""pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
worker_processes 1;
events {{ worker_connections 256; }}
http {{
    access_log {work}/nginx-access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    # For this check only: which instance answered.
    add_header X-Upstream $upstream_addr always;
    include {work}/site.conf;
}}
""")
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        subprocess.run([nginx, "-t", "-q", "-c", f"{work}/nginx.conf", "-p", work], check=True)
        processes.append(subprocess.Popen([nginx, "-c", f"{work}/nginx.conf", "-p", work, "-g", "daemon off;"]))
        time.sleep(1)
        print(f"nginx on https://localhost:{nginx_port} in front of both", flush=True)

        # Straight to an instance as a client behind another proxy (the instances believe 127.0.0.1), so these
        # sign-ins don't count against the address that nginx's clients share.
        a = Client("a", ports["a"], forwarded_for="192.0.2.10", host=PUBLIC_HOST)
        b = Client("b", ports["b"], forwarded_for="192.0.2.10", host=PUBLIC_HOST)

        # 1. A sign-in on one instance is valid on the other.
        agency = a.at(a, {})
        status, headers = sign_in(agency, "agency@demo.local")
        check("sign-in through instance a", status == 302 and AUTH_COOKIE in agency.cookies, f"status {status}")
        status, _, page = agency.at(b).get("/travel-times")
        check("the same cookie is signed in on instance b", status == 200 and "Красноярск" in page, f"status {status}")

        # 2. An upload through one is served by the other; its category is in the other's cached list at once.
        company = a.at(a, {})
        sign_in(company, "company@demo.local")
        category = f"Проверка двух экземпляров {uuid.uuid4().hex[:6]}"
        status, _, before = company.at(b).get("/catalogue")
        check("instance b shows the catalogue (categories now cached) without the new category", status == 200 and category not in before)
        _, _, listing = company.get("/products")
        files_before = set(re.findall(r"/files/([0-9a-f-]{36})", listing))
        _, _, form = company.get("/products/new")
        image = png()
        status, headers, _ = company.post_multipart("/products/new", {
            "__RequestVerificationToken": token(form), "SubmissionKey": field(form, "SubmissionKey"),
            "Name": "Тестовый прибор", "Category": category, "Description": "Загружен через экземпляр a.",
            "Okpd2Code": "", "SupplyTerms": ""}, {"Images": ("device.png", "image/png", image)})
        check("a product with an image saved through instance a", status == 302, f"status {status}")
        _, _, listing = company.get("/products")
        files = sorted(set(re.findall(r"/files/([0-9a-f-]{36})", listing)) - files_before)
        served = company.at(b).get(f"/files/{files[0]}") if len(files) == 1 else (0, {}, b"")
        check("instance b serves the uploaded image, byte for byte", served[0] == 200 and served[2] == image,
              f"status {served[0]}, {len(served[2]) if isinstance(served[2], bytes) else 0} bytes")
        _, _, after = company.at(b).get("/catalogue")
        check("instance b lists the new category at once", category in after)

        # 3. A travel time changed through one changes the other's programme conflicts at once.
        _, _, missions = agency.at(b).get("/missions")
        mission_ids = sorted(set(int(m) for m in re.findall(r'href="/(?:missions|programme)/(?:details/)?(\d+)"', missions)))
        programme_before = {m: agency.at(b).get(f"/programme/{m}")[2] for m in mission_ids}
        _, _, table = agency.get("/travel-times")
        row = re.search(r'action="/travel-times/(\d+)"[^>]*>\s*<input type="hidden" name="version" value="([^"]+)" />\s*'
                        r'<input type="number" name="minutes"[^>]*value="60"', table)
        status, _, _ = agency.post_form(f"/travel-times/{row.group(1)}", {
            "version": row.group(2), "minutes": "2880", "__RequestVerificationToken": token(table)}) if row else (0, {}, "")
        check("travel time Красноярск — Железногорск set to 2880 min through instance a", status == 302, f"status {status}")
        # The page writes the unit after a non-breaking space («2880&#xA0;мин»): compare the text a reader sees.
        def shows_conflict(page):
            return "дорога занимает 2880 мин" in unescape(page).replace("\u00a0", " ")
        seen = [m for m in mission_ids if shows_conflict(agency.at(b).get(f"/programme/{m}")[2])
                and not shows_conflict(programme_before[m])]
        check("instance b's programme shows the new travel conflict at once", len(seen) > 0, f"missions {seen} of {mission_ids}")

        # 4. A region added in the database by hand, with the notice the portal itself sends, is in both lists at once.
        region = f"Тестовая область {uuid.uuid4().hex[:4]}"
        agency.get("/missions")
        agency.at(b).get("/missions")
        psql(postgres_bin(), pg_port,
             f"BEGIN; INSERT INTO \"Regions\" (\"Name\", \"Code\") VALUES ('{region}', 99); "
             f"SELECT pg_notify('missionportal_cache', 'reference'); COMMIT;")
        time.sleep(0.5)
        check("a region added by SQL with NOTIFY is listed by both instances at once",
              region in agency.get("/missions")[2] and region in agency.at(b).get("/missions")[2])

        # 5. A sign-out through one ends the session on the other at once.
        status, _, _ = company.at(b).get("/products")
        check("before signing out, the session is valid on b", status == 200, f"status {status}")
        session = dict(company.cookies)
        _, _, home = company.get("/products")
        company.post_form("/Account/Logout", {"__RequestVerificationToken": token(home)})
        status, headers, _ = company.at(b, session).get("/products")
        check("after signing out through a, the old session cookie is refused by b at once",
              status == 302 and "/account/login" in headers.get("location", "").lower(), f"status {status}, {headers.get('location')}")

        # 6. Through nginx: both instances answer, https is seen, forwarded addresses are nginx's.
        ministry = Client("nginx", nginx_port, tls_ca=cert, host=f"{PUBLIC_HOST}:{nginx_port}")
        status, headers = sign_in(ministry, "ministry@demo.local")
        upstreams = set()
        statuses = []
        for _ in range(6):
            status, headers, _ = ministry.get("/missions")
            statuses.append(status)
            upstreams.add(headers.get("x-upstream"))
        check("through nginx a signed-in user's pages come from both instances", statuses == [200] * 6 and len(upstreams) == 2,
              f"{sorted(upstreams)}")
        check("the portal sees https behind nginx (HSTS sent, X-Forwarded-Proto)", "strict-transport-security" in headers)

        # 7. Sign-in attempts are limited per client address for the whole site (10 a minute; the ministry's sign-in
        #    above was the first), and a forged X-Forwarded-For changes nothing (nginx replaces it).
        stranger = Client("nginx", nginx_port, tls_ca=cert, host=f"{PUBLIC_HOST}:{nginx_port}")
        codes = []
        for attempt in range(12):
            _, _, page = stranger.get("/Account/Login")
            status, _, _ = stranger.post_form("/Account/Login", {
                "Email": "nobody@example.ru", "Password": "wrong-password-123", "__RequestVerificationToken": token(page)},
                headers={"X-Forwarded-For": f"198.51.100.{attempt + 1}"})
            codes.append(status)
        check("through nginx the 11th sign-in attempt in a minute from one address is refused (429), X-Forwarded-For forged",
              codes == [200] * 9 + [429] * 3, f"{codes}")
        logged = ""
        for name in ("a", "b"):
            for log in os.listdir(os.path.join(data, "logs")):
                if log.startswith(f"portal-{name}-"):
                    logged += open(os.path.join(data, "logs", log), encoding="utf-8").read()
        check("the refusal is logged with the client's address as nginx saw it (127.0.0.1), each instance in its own log",
              "Rate limit refused POST /Account/Login from 127.0.0.1" in logged and "198.51.100." not in logged
              and {n for n in ("a", "b") if any(l.startswith(f"portal-{n}-") for l in os.listdir(os.path.join(data, "logs")))} == {"a", "b"})

        print(f"{sum(results)} of {len(results)} checks passed in {time.time() - started:.0f} s", flush=True)
        if args.keep:
            input(f"Running: https://localhost:{nginx_port} (a {ports['a']}, b {ports['b']}, PostgreSQL {pg_port}). Enter stops. ")
        return 0 if all(results) else 1
    finally:
        for process in reversed(processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(20)
                except subprocess.TimeoutExpired:
                    process.kill()
        subprocess.run([os.path.join(ROOT, "tools", "postgres.sh"), "stop", pg_dir], check=False)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
