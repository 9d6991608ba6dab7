#!/usr/bin/env python3
"""The benchmark harness (bench/README.md). Started by bench/run, which installs the tools first.

It starts its own instances of the four services on free ports, against dedicated databases (bench_notices,
bench_consents, bench_agreements, dropped at the end), with Keycloak of the local suite on 8180 for tokens.
Every ratio is measured side by side in the same run, on the same database, at the same concurrency.
Python standard library only.
"""
import argparse
import base64
import csv
import datetime as dt
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

# consent-service's receipt key-encryption key: one per bench process, which makes the databases it uses afresh
RECEIPT_KEK = base64.b64encode(os.urandom(32)).decode("ascii")
# notice- and sharing-agreement-service's key-encryption keys (webhook secrets), made the same way
NOTICE_KEK = base64.b64encode(os.urandom(32)).decode("ascii")
AGREEMENT_KEK = base64.b64encode(os.urandom(32)).decode("ascii")

HERE = Path(__file__).resolve().parent
KEYCLOAK = "http://localhost:8180"
# each service's own port variable (its application.properties reads it), set beside QUARKUS_HTTP_PORT
PORT_VARS = {"notice-service": "NOTICE_SERVICE_PORT", "gateway": "GATEWAY_PORT",
             "consent-service": "CONSENT_SERVICE_PORT", "sharing-agreement-service": "SHARING_AGREEMENT_SERVICE_PORT"}
REALM = "governance"
PG_HOST, PG_PORT = "127.0.0.1", "5432"
PG_USER = os.environ.get("PGUSER", "postgres")
PG_PASSWORD = os.environ.get("PGPASSWORD", "")
DBS = {"notice-service": "bench_notices", "consent-service": "bench_consents",
       "sharing-agreement-service": "bench_agreements"}
WIMTM = "what-it-means-to-me"
RESEARCH_PURPOSE = "research-what-it-means-to-me"
DEMO_CONSENTED_CHILD = "nhs-number:9990000018"


def log(msg):
    print(f"[{dt.datetime.now(dt.timezone.utc):%H:%M:%S}] {msg}", flush=True)


def parse_size(text):
    text = text.strip().lower()
    mult = {"k": 1_000, "m": 1_000_000}.get(text[-1], 1)
    return int(float(text[:-1] if mult > 1 else text) * mult)


def human(n):
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n >= 1_000 and n % 1_000 == 0:
        return f"{n // 1_000}k"
    return str(n)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, body=None, headers=None, timeout=30):
    data = body.encode() if isinstance(body, str) else body
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8", "replace"), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace"), dict(e.headers)
    except (urllib.error.URLError, ConnectionError, TimeoutError, socket.timeout) as e:
        return 0, str(e), {}


def psql(db, sql, capture=True, variables=None, file=None):
    cmd = ["psql", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-d", db, "-v", "ON_ERROR_STOP=1", "-Atq"]
    for k, v in (variables or {}).items():
        cmd += ["-v", f"{k}={v}"]
    cmd += ["-f", str(file)] if file else ["-c", sql]
    env = dict(os.environ, PGPASSWORD=PG_PASSWORD)
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if r.returncode != 0:
        raise RuntimeError(f"psql on {db} failed: {r.stderr.strip()}")
    return r.stdout.strip()


def rss_mb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def pss_mb(pid):
    """Proportional set size: RSS with each shared page (the mapped AOT cache, the JDK's own files) divided among
    the processes that map it, so that several JVMs on one machine are not each charged for the same pages."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def memory_profile(java, pid, path):
    """Where a JVM's memory is, for the RSS target: the heap (used and committed) and metaspace, from jcmd."""
    jcmd = str(Path(java).resolve().parent / "jcmd") if java else "jcmd"
    parts = []
    for command in (["GC.heap_info"], ["VM.metaspace", "basic"]):
        r = subprocess.run([jcmd, str(pid), *command], capture_output=True, text=True, timeout=60)
        parts.append(f"$ jcmd {pid} {' '.join(command)}\n{r.stdout or r.stderr}")
    path.write_text("\n".join(parts))


def cpu_seconds(pid):
    """User + system CPU time a process has used so far, in seconds (from /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def java_major(java):
    """The major version of a java binary, or 0 when it does not run."""
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30).stderr
    except OSError:
        return 0
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not m:
        return 0
    return int(m.group(2)) if m.group(1) == "1" else int(m.group(1))


def find_java(lo, hi=999, first=None):
    """The first java of major version lo..hi among `first`, JAVA_HOME, the PATH and /usr/lib/jvm (as ./run looks)."""
    candidates = [first] if first else []
    if os.environ.get("JAVA_HOME"):
        candidates.append(os.path.join(os.environ["JAVA_HOME"], "bin", "java"))
    candidates.append(shutil.which("java"))
    candidates += sorted(str(p) for p in Path("/usr/lib/jvm").glob("*/bin/java"))
    for c in candidates:
        if c and os.access(c, os.X_OK) and lo <= java_major(c) <= hi:
            return c
    return None


def services_java(explicit):
    """The services' JVM, chosen as ./run chooses: --java, else the first JDK 24+, else the first JDK 17+."""
    if explicit:
        return explicit
    return find_java(24) or find_java(17) or shutil.which("java") or "java"


def loadavg():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


class Service:
    def __init__(self, root, name, port, env, logdir, jfr_dir=None, java_opts=(), java=None, aot=True, label=None):
        self.root, self.name, self.port, self.env = root, name, port, env
        self.java_opts = list(java_opts)
        self.java = java or shutil.which("java") or "java"
        self.aot = aot
        self.aot_used = False
        self.log = logdir / f"{label or name}.log"
        self.jfr = (jfr_dir / f"{name}.jfr") if jfr_dir else None
        self.proc = None
        self.startup_s = None
        self.quarkus_started_s = None

    @property
    def url(self):
        return f"http://localhost:{self.port}"

    def start(self):
        app = self.root / self.name / "target/quarkus-app"
        jar = app / "quarkus-run.jar"
        cmd = [self.java]
        # on JDK 25+, the AOT cache the build trained (README "Start-up"), when it is newer than the jar; the JVM
        # itself ignores one made by another JDK or for other jars. Started from quarkus-app, as ./run does.
        cache = app / "app.aot"
        self.aot_used = (self.aot and java_major(self.java) >= 25 and cache.exists()
                         and cache.stat().st_mtime > jar.stat().st_mtime)
        if self.aot_used:
            cmd += ["-XX:AOTCache=app.aot", "-Xlog:aot*=error"]
        cmd += self.java_opts
        if self.jfr:
            cmd.append(f"-XX:StartFlightRecording=filename={self.jfr},settings=profile,dumponexit=true")
        cmd += ["-jar", str(jar)]
        env = dict(os.environ, **self.env)
        self.t0 = time.monotonic()
        self.proc = subprocess.Popen(cmd, env=env, stdout=open(self.log, "w"), stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, start_new_session=True, cwd=app)

    def jvm_label(self):
        return f"JDK {java_major(self.java)}" + (" + AOT cache" if self.aot_used else "")

    def wait_ready(self, timeout=240):
        while time.monotonic() - self.t0 < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited (log {self.log}):\n" + tail(self.log))
            status, _, _ = http("GET", f"{self.url}/q/health/ready", timeout=2)
            if status == 200:
                self.startup_s = time.monotonic() - self.t0
                m = re.search(r"started in ([0-9.]+)s", self.log.read_text(errors="replace"))
                self.quarkus_started_s = float(m.group(1)) if m else None
                return
            time.sleep(0.1)
        raise RuntimeError(f"{self.name} not ready after {timeout} s (log {self.log}):\n" + tail(self.log))

    def stop(self):
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


def tail(path, n=30):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-n:])
    except OSError:
        return ""


class Bench:
    def __init__(self, args):
        self.a = args
        self.root = Path(args.root)
        # bench_consents etc.; a smoke run and TEST_DB_SUFFIX get their own names, so that a smoke run in the
        # tests never touches a full run's databases (nor another checkout's)
        prefix = "bench" + ("_smoke" if args.smoke else "") + os.environ.get("TEST_DB_SUFFIX", "")
        for service, db in list(DBS.items()):
            DBS[service] = prefix + "_" + db.split("_", 1)[1]
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        self.out = Path(args.out).resolve() if args.out else HERE / "results" / (stamp + ("-smoke" if args.smoke else ""))
        self.out.mkdir(parents=True, exist_ok=True)
        (self.out / "logs").mkdir(exist_ok=True)
        self.jfr_dir = None
        if args.jfr:
            self.jfr_dir = self.out / "jfr"
            self.jfr_dir.mkdir(exist_ok=True)
        self.rows = []       # raw measurements
        self.ratios = []     # (id, what, value, target text, met)
        self.failures = []
        self.facts = {}
        self.services = {}
        self.envs = {}
        self.java = services_java(args.java)
        self.suite = None
        self.keycloak = None
        self.nginx = None
        self.tokens = {}
        self.subjects = 0    # synthetic subjects generated so far
        self.consents = 0
        self.run_id = uuid.uuid4().hex[:4]

    # ------------------------------------------------------------------ set-up

    def machine_facts(self):
        f = self.facts
        f["date_utc"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        f["command"] = "bench/run " + " ".join(self.a.argv)
        f["cores"] = os.cpu_count()
        cpu = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text())
        f["cpu"] = cpu.group(1) if cpu else "?"
        mem = re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text())
        f["memory_gib"] = round(int(mem.group(1)) / 1024 / 1024, 1) if mem else "?"
        jv = subprocess.run([self.java, "-version"], capture_output=True, text=True).stderr.splitlines()
        f["jdk"] = " / ".join(jv[:2])
        f["postgresql"] = psql("postgres", "select version()")
        f["pg_settings"] = psql("postgres", "select string_agg(name || '=' || setting, ', ') from pg_settings "
                                "where name in ('shared_buffers','max_connections','work_mem','synchronous_commit')")
        f["wrk"] = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.splitlines()[0]
        f["nginx"] = subprocess.run([nginx_bin(), "-v"], capture_output=True, text=True).stderr.strip()
        f["pgbench"] = subprocess.run(["pgbench", "--version"], capture_output=True, text=True).stdout.strip()
        f["git_commit"] = subprocess.run(["git", "-C", str(self.root), "rev-parse", "--short", "HEAD"],
                                         capture_output=True, text=True).stdout.strip()
        f["load_average_at_start"] = loadavg()

    def ensure_keycloak(self):
        """Keycloak with the demo realm: the suite's on 8180 when it answers; else, with --start-suite, the suite
        (./run --no-build); else one of the harness's own, on a free port, in memory, from the copy in
        .cache/keycloak, downloaded as ./run does when missing (no fixed port, so no port lock is needed)."""
        global KEYCLOAK
        if self.a.keycloak:
            KEYCLOAK = self.a.keycloak.rstrip("/")
        url = f"{KEYCLOAK}/realms/{REALM}/.well-known/openid-configuration"
        if self.a.keycloak and http("GET", url, timeout=5)[0] != 200:
            raise SystemExit(f"bench: no realm {REALM} at {KEYCLOAK}")
        if http("GET", url, timeout=5)[0] == 200:
            log(f"Keycloak answers on {KEYCLOAK} with the demo realm")
            return
        if self.a.start_suite:
            self.start_suite()
            return
        version = re.search(r"^KEYCLOAK_VERSION=(\S+)", (self.root / "run").read_text(), re.M).group(1)
        home = self.root / ".cache" / "keycloak" / f"keycloak-{version}"
        if not (home / "bin" / "kc.sh").exists():
            self.download_keycloak(version, home)
        own = self.root / ".cache" / "bench-keycloak"
        if not (own / "bin" / "kc.sh").exists():
            log(f"copying Keycloak {version} to .cache/bench-keycloak (once)")
            shutil.rmtree(own, ignore_errors=True)
            shutil.copytree(home, own, symlinks=True, ignore=shutil.ignore_patterns("h2", "transaction-logs"))
        (own / "data" / "import").mkdir(parents=True, exist_ok=True)
        shutil.copy(self.root / "deploy/keycloak/governance-realm.json", own / "data/import/governance-realm.json")
        port, management = free_port(), free_port()
        KEYCLOAK = f"http://localhost:{port}"
        log(f"starting the harness's own Keycloak on {port} (in-memory database, demo realm)")
        kc_log = self.out / "logs" / "keycloak.log"
        self.keycloak = subprocess.Popen(
            [str(own / "bin/kc.sh"), "start-dev", f"--http-port={port}", f"--http-management-port={management}",
             "--db=dev-mem", "--import-realm"],
            env=dict(os.environ, KC_BOOTSTRAP_ADMIN_USERNAME="admin", KC_BOOTSTRAP_ADMIN_PASSWORD="admin"),
            stdout=open(kc_log, "w"), stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 900
        while time.monotonic() < deadline:
            if self.keycloak.poll() is not None:
                raise SystemExit("bench: Keycloak exited:\n" + tail(kc_log))
            if http("GET", f"{KEYCLOAK}/realms/{REALM}/.well-known/openid-configuration", timeout=5)[0] == 200:
                log("  Keycloak ready")
                return
            time.sleep(2)
        raise SystemExit("bench: Keycloak not ready in 15 minutes:\n" + tail(kc_log))

    def download_keycloak(self, version, home):
        """The same download ./run does (Maven Central, once), unpacked into .cache/keycloak where ./run looks."""
        kc_dir = home.parent
        tarball = kc_dir / f"keycloak-quarkus-dist-{version}.tar.gz"
        kc_dir.mkdir(parents=True, exist_ok=True)
        if not tarball.exists() or tarball.stat().st_size == 0:
            log(f"downloading Keycloak {version} from Maven Central into .cache/keycloak (once, ~170 MB)")
            got = subprocess.run([str(self.root / "mvnw"), "-q", "-B", "dependency:copy",
                                  f"-Dartifact=org.keycloak:keycloak-quarkus-dist:{version}:tar.gz",
                                  f"-DoutputDirectory={kc_dir}"], cwd=self.root, capture_output=True, text=True)
            if got.returncode != 0:
                raise SystemExit("bench: could not download Keycloak:\n" + (got.stdout + got.stderr)[-3000:])
        log(f"unpacking Keycloak {version} into .cache/keycloak (once)")
        unpacking = kc_dir / "unpacking"
        shutil.rmtree(unpacking, ignore_errors=True)
        unpacking.mkdir()
        subprocess.run(["tar", "-xzf", str(tarball), "-C", str(unpacking)], check=True)
        shutil.rmtree(home, ignore_errors=True)
        (unpacking / f"keycloak-{version}").rename(home)
        shutil.rmtree(unpacking, ignore_errors=True)

    def start_suite(self):
        log("starting the local suite (./run --no-build) for its Keycloak")
        suite_log = self.out / "logs" / "suite.log"
        self.suite = subprocess.Popen([str(self.root / "run"), "--no-build"], cwd=self.root,
                                      stdout=open(suite_log, "w"), stderr=subprocess.STDOUT,
                                      stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            if self.suite.poll() is not None:
                raise SystemExit("bench: ./run exited:\n" + tail(suite_log))
            if "The local suite is up" in suite_log.read_text(errors="replace"):
                return
            time.sleep(2)
        raise SystemExit("bench: the local suite did not come up in 10 minutes:\n" + tail(suite_log))

    def token(self, who):
        if who == "integration":
            form = {"grant_type": "client_credentials", "client_id": "eyes-integration",
                    "client_secret": "eyes-integration-secret"}
        else:
            form = {"grant_type": "password", "client_id": "governance-cli", "username": who, "password": who}
        status, body, _ = http("POST", f"{KEYCLOAK}/realms/{REALM}/protocol/openid-connect/token",
                               urllib.parse.urlencode(form), {"Content-Type": "application/x-www-form-urlencoded"})
        if status != 200:
            raise RuntimeError(f"no token for {who}: HTTP {status} {body[:200]}")
        return json.loads(body)["access_token"]

    def create_databases(self):
        for db in DBS.values():
            psql("postgres", f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
            psql("postgres", f"CREATE DATABASE {db}")

    def drop_databases(self):
        for db in DBS.values():
            try:
                psql("postgres", f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
            except RuntimeError as e:
                log(f"could not drop {db}: {e}")

    def start_services(self):
        ports = {n: free_port() for n in ["gateway", "notice-service", "consent-service", "sharing-agreement-service"]}
        gw = f"http://localhost:{ports['gateway']}"
        common = {"OIDC_AUTH_SERVER_URL": f"{KEYCLOAK}/realms/{REALM}", "LOG_JSON": "false",
                  "QUARKUS_DATASOURCE_USERNAME": PG_USER, "QUARKUS_DATASOURCE_PASSWORD": PG_PASSWORD}
        def db(name):
            return {"QUARKUS_DATASOURCE_JDBC_URL": f"jdbc:postgresql://{PG_HOST}:{PG_PORT}/{DBS[name]}"}
        env = {
            # Pools: consent-service keeps the default 20; the two services that the 64-connection pgbench run
            # does not involve get small pools, so that they and pgbench fit PostgreSQL's 100 connections.
            "notice-service": {**db("notice-service"), "NOTICE_DEMO_DATA": "true",
                               "QUARKUS_DATASOURCE_JDBC_MAX_SIZE": "4",
                               "NOTICE_CLIENT_SECRET": "notice-service-secret", "NOTICE_KEK": NOTICE_KEK,
                               "CONSENT_SERVICE_URL": gw, "SHARING_AGREEMENT_SERVICE_URL": gw},
            "gateway": {"NOTICE_SERVICE_URL": f"http://localhost:{ports['notice-service']}",
                        "CONSENT_SERVICE_URL": f"http://localhost:{ports['consent-service']}",
                        "SHARING_AGREEMENT_SERVICE_URL": f"http://localhost:{ports['sharing-agreement-service']}",
                        # the demo's rate limit (600 a minute) would measure the limiter, not the gateway
                        "GATEWAY_RATE_LIMIT_PER_MINUTE": "1000000000", "GATEWAY_RATE_LIMIT_BURST": "1000000000"},
            "consent-service": {**db("consent-service"), "CONSENT_DEMO_DATA": "true", "NOTICE_SERVICE_URL": gw,
                                "CONSENT_RECEIPT_KEK": RECEIPT_KEK,
                                "CONSENT_CLIENT_SECRET": "consent-service-secret",
                                "CONSENT_NOTICE_EVENTS_SECRET": "demo-only-consent-notice-events-secret-0123456789",
                                "CONSENT_NOTICE_EVENTS_TARGET_URL":
                                    f"http://localhost:{ports['consent-service']}/api/consents/notice-events"},
            "sharing-agreement-service": {**db("sharing-agreement-service"), "AGREEMENT_DEMO_DATA": "true",
                                          "QUARKUS_DATASOURCE_JDBC_MAX_SIZE": "8",
                                          "AGREEMENT_CLIENT_SECRET": "sharing-agreement-service-secret",
                                          "AGREEMENT_KEK": AGREEMENT_KEK,
                                          "NOTICE_SERVICE_URL": gw, "CONSENT_SERVICE_URL": gw,
                                          "AGREEMENT_NOTICE_EVENTS_SECRET":
                                              "demo-only-agreement-notice-events-secret-0123",
                                          "AGREEMENT_NOTICE_EVENTS_TARGET_URL":
                                              f"http://localhost:{ports['sharing-agreement-service']}"
                                              "/api/agreements/notice-events"},
        }
        order = ["notice-service", "gateway", "consent-service", "sharing-agreement-service"]
        for name in order:
            e = dict(common, **env[name], QUARKUS_HTTP_PORT=str(ports[name]), **{PORT_VARS[name]: str(ports[name])})
            self.envs[name] = e
            self.services[name] = Service(self.root, name, ports[name], e, self.out / "logs", self.jfr_dir,
                                          self.java_opts(), java=self.java)
        # one at a time, as ./run does, so that each start-up time is its own (all at once with --parallel-start)
        if self.a.parallel_start:
            log("starting the four services at once (--parallel-start: start-up times overlap)")
            for name in order:
                self.services[name].start()
        for name in order:
            s = self.services[name]
            if not self.a.parallel_start:
                log(f"starting {name} on {s.port}")
                s.start()
            s.wait_ready()
            log(f"  {name} on {s.port} ready after {s.startup_s:.1f} s (Quarkus: started in {s.quarkus_started_s} s;"
                f" {s.jvm_label()})")
        self.gw = self.services["gateway"].url
        self.cs = self.services["consent-service"].url

    # ------------------------------------------------------------------ data

    def grow_to(self, consents):
        """Adds synthetic subjects until about `consents` records exist (1.4 records per subject)."""
        target_subjects = max(1, round(consents / 1.4))
        if target_subjects <= self.subjects:
            return
        lo, hi = self.subjects + 1, target_subjects
        adding = hi - lo + 1
        log(f"generating subjects {lo}..{hi} (to ~{human(consents)} consents)")
        t0 = time.monotonic()
        db = DBS["consent-service"]
        # Bulk loads drop the tables' keys, indexes and the foreign keys that point at them, load, then build them
        # again from their own definitions (read back from the catalogue: the service's own, from its migrations);
        # small loads insert through them.
        restore = []
        if adding > 300_000:
            restore = self.drop_keys(db)
        workers = 2 if adding > 300_000 else 1
        step = (hi - lo + 1 + workers - 1) // workers
        procs = []
        for w in range(workers):
            a, b = lo + w * step, min(hi, lo + (w + 1) * step - 1)
            procs.append(subprocess.Popen(
                ["psql", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-d", db, "-v", "ON_ERROR_STOP=1", "-Atq",
                 "-v", f"lo={a}", "-v", f"hi={b}", "-f", str(HERE / "sql/generate.sql")],
                env=dict(os.environ, PGPASSWORD=PG_PASSWORD), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        for pr in procs:
            _, err = pr.communicate()
            if pr.returncode != 0:
                raise RuntimeError(f"generate.sql failed: {err}")
        log(f"  rows written ({time.monotonic() - t0:.0f} s); building keys and indexes")
        for statement in restore:
            psql(db, "SET maintenance_work_mem = '1GB'; " + statement)
        psql(db, "ANALYZE subject; ANALYZE subject_identifier; ANALYZE consent_record")
        self.subjects = target_subjects
        self.consents = int(psql(db, "select count(*) from consent_record"))
        secs = time.monotonic() - t0
        log(f"  {self.consents} consent records now ({secs:.0f} s)")
        self.rows.append(dict(scenario="data", variant="generate", size=self.consents, connections="",
                              duration_s=round(secs, 1), requests=adding, tps="", p50_ms="", p90_ms="", p99_ms="",
                              max_ms="", errors=0, note=f"subjects {lo}..{hi}, keys and indexes rebuilt: {len(restore)}"))

    def drop_keys(self, db):
        """Drops the keys and indexes of the three loaded tables (and the foreign keys that need them); returns
        the statements that build them again, in order."""
        tables = "('subject'::regclass, 'subject_identifier'::regclass, 'consent_record'::regclass)"
        fks = psql(db, "select conrelid::regclass || '|' || conname || '|' || pg_get_constraintdef(oid) from pg_constraint "
                       f"where contype = 'f' and (confrelid in {tables} or conrelid in {tables})").splitlines()
        keys = psql(db, "select conrelid::regclass || '|' || conname || '|' || pg_get_constraintdef(oid) from pg_constraint "
                        f"where contype in ('p', 'u') and conrelid in {tables}").splitlines()
        indexes = psql(db, "select indexname || '|' || indexdef from pg_indexes where schemaname = 'public' and tablename "
                           "in ('subject', 'subject_identifier', 'consent_record') and indexname not in "
                           f"(select conname from pg_constraint where conrelid in {tables})").splitlines()
        restore = []
        for line in fks:
            table, name, definition = line.split("|", 2)
            psql(db, f"ALTER TABLE {table} DROP CONSTRAINT {name}")
        for line in keys:
            table, name, definition = line.split("|", 2)
            psql(db, f"ALTER TABLE {table} DROP CONSTRAINT {name}")
            restore.append(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")
        for line in indexes:
            name, definition = line.split("|", 1)
            psql(db, f"DROP INDEX {name}")
            restore.append(definition)
        for line in fks:
            table, name, definition = line.split("|", 2)
            restore.append(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")
        return restore

    # ------------------------------------------------------------------ load generators

    def wrk(self, scenario, variant, url, script, connections, env=None, duration=None, warmup=True):
        duration = duration or self.a.duration
        lua = self.out / "logs" / f"{script}.lua"
        if not lua.exists():
            lua.write_text((HERE / "lua/common.lua").read_text() + "\n" + (HERE / f"lua/{script}.lua").read_text())
        e = dict(os.environ, **(env or {}))
        threads = str(min(2, connections))
        if warmup and self.a.warmup > 0:
            subprocess.run(["wrk", "-t", threads, "-c", str(connections), "-d", f"{self.a.warmup}s", "-s", str(lua),
                            url], env=e, capture_output=True, text=True, timeout=self.a.warmup + 60)
        load = loadavg()
        cpu0 = {n: cpu_seconds(s.proc.pid) for n, s in self.services.items() if s.proc}
        cmd = ["wrk", "-t", threads, "-c", str(connections), "-d", f"{duration}s", "--timeout", "10s", "-s", str(lua), url]
        r = subprocess.run(cmd, env=e, capture_output=True, text=True, timeout=duration + 120)
        (self.out / "logs" / f"wrk-{scenario}-{variant}-{connections}.txt").write_text(
            " ".join(cmd) + "\n" + r.stdout + r.stderr)
        m = re.search(r"BENCHJSON (\{.*\})", r.stdout)
        if not m:
            raise RuntimeError(f"wrk gave no result for {scenario}/{variant}: {r.stdout[-500:]} {r.stderr[-500:]}")
        j = json.loads(m.group(1))
        secs = j["duration_us"] / 1e6
        # CPU each service used per request: a cost that other load on the machine does not change much
        cpu = {n: cpu_seconds(self.services[n].proc.pid) - c0 for n, c0 in cpu0.items()}
        cpu_note = ", ".join(f"{n} {v * 1000 / max(1, j['requests']):.2f} ms CPU/req" for n, v in cpu.items() if v > 0.05)
        errors = j["status_errors"] + j["connect_errors"] + j["read_errors"] + j["write_errors"] + j["timeouts"]
        row = dict(scenario=scenario, variant=variant, size=self.consents, connections=connections,
                   duration_s=round(secs, 1), requests=j["requests"], tps=round(j["requests"] / secs, 1),
                   p50_ms=round(j["p50_us"] / 1000, 3), p90_ms=round(j["p90_us"] / 1000, 3),
                   p99_ms=round(j["p99_us"] / 1000, 3), max_ms=round(j["max_us"] / 1000, 3), errors=errors,
                   note=f"wrk; load average {load}; {cpu_note}")
        self.rows.append(row)
        log(f"  {scenario:<10} {variant:<22} c={connections:<3} {row['tps']:>9} req/s  p50 {row['p50_ms']} ms  "
            f"p99 {row['p99_ms']} ms  errors {errors}  [{cpu_note}]")
        return row

    def pgbench(self, scenario, variant, script, connections, variables=None, duration=None, warmup=True):
        duration = duration or self.a.duration
        db = DBS["consent-service"]
        logdir = Path(tempfile.mkdtemp(prefix="pgbench-", dir=self.out / "logs"))
        base = ["pgbench", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-n", "-M", "prepared",
                "-c", str(connections), "-j", str(min(2, connections)), "-f", str(HERE / "pgbench" / script)]
        for k, v in (variables or {}).items():
            base += ["-D", f"{k}={v}"]
        env = dict(os.environ, PGPASSWORD=PG_PASSWORD)
        if warmup and self.a.warmup > 0:
            subprocess.run(base + ["-T", str(self.a.warmup), db], env=env, capture_output=True, text=True)
        load = loadavg()
        cmd = base + ["-T", str(duration), "-l", "--log-prefix", str(logdir / "tx"), db]
        r = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=logdir, timeout=duration + 120)
        (self.out / "logs" / f"pgbench-{scenario}-{variant}-{connections}.txt").write_text(
            " ".join(cmd) + "\n" + r.stdout + r.stderr)
        if r.returncode != 0:
            raise RuntimeError(f"pgbench {scenario}/{variant} failed: {r.stderr[-800:]}")
        tps = float(re.search(r"tps = ([0-9.]+) \(without initial connection time\)", r.stdout).group(1))
        failed = re.search(r"number of failed transactions: (\d+)", r.stdout)
        lat = []
        for f in logdir.glob("tx*"):
            for line in f.read_text().splitlines():
                parts = line.split()
                if len(parts) >= 3:
                    lat.append(int(parts[2]))
        shutil.rmtree(logdir, ignore_errors=True)
        lat.sort()
        pct = (lambda p: lat[min(len(lat) - 1, int(len(lat) * p / 100))] / 1000) if lat else (lambda p: float("nan"))
        row = dict(scenario=scenario, variant=variant, size=self.consents, connections=connections,
                   duration_s=duration, requests=len(lat), tps=round(tps, 1), p50_ms=round(pct(50), 3),
                   p90_ms=round(pct(90), 3), p99_ms=round(pct(99), 3),
                   max_ms=round(lat[-1] / 1000, 3) if lat else "", errors=int(failed.group(1)) if failed else 0,
                   note=f"pgbench -M prepared; load average {load}")
        self.rows.append(row)
        log(f"  {scenario:<10} {variant:<22} c={connections:<3} {row['tps']:>9} tx/s   p50 {row['p50_ms']} ms  "
            f"p99 {row['p99_ms']} ms")
        return row

    def ratio(self, rid, what, value, target, met):
        self.ratios.append(dict(id=rid, measure=what, value=value, target=target,
                                met="n/a" if met is None else ("yes" if met else "NO")))

    # ------------------------------------------------------------------ scenarios

    def sample_check(self, base, token):
        q = f"/api/consents/check?subject=case-management-id:B1&notice={WIMTM}&purpose={RESEARCH_PURPOSE}"
        status, body, _ = http("GET", base + q, headers={"Authorization": f"Bearer {token}"})
        if status != 200:
            raise RuntimeError(f"check answered {status}: {body[:300]}")
        return body

    def scale_point(self):
        """Scenario 5 at the current size: the check directly at consent-service and pgbench, same concurrency."""
        c = self.a.scale_connections
        tok = self.token("integration")
        self.wrk("5-scale", f"check-direct@{human_size(self.consents)}", self.cs, "check", c,
                 {"BENCH_TOKEN": tok, "BENCH_SUBJECTS": str(self.subjects)})
        self.pgbench("5-scale", f"pgbench-check@{human_size(self.consents)}", "check.sql", c,
                     {"subjects": self.subjects})

    def scenario_check(self):
        """Scenario 1: the check through the gateway, directly, and as pgbench SQL, at 64 connections."""
        c = self.a.connections
        tok = self.token("integration")
        log(f"scenario 1: consent check at {self.consents} consents, {c} connections")
        env = {"BENCH_TOKEN": tok, "BENCH_SUBJECTS": str(self.subjects)}
        (self.out / "logs" / "sample-check.json").write_text(self.sample_check(self.gw, tok))
        gw = self.wrk("1-check", "gateway", self.gw, "check", c, env)
        direct = self.wrk("1-check", "direct", self.cs, "check", c, env)
        pg = self.pgbench("1-check", "pgbench", "check.sql", c, {"subjects": self.subjects})
        self.ratio("1a", f"check TPS, gateway / pgbench ({human_size(self.consents)}, c={c})",
                   ratio(gw["tps"], pg["tps"]), ">= 0.5", ratio(gw["tps"], pg["tps"]) >= 0.5)
        self.ratio("1b", f"check TPS, consent-service direct / pgbench ({human_size(self.consents)}, c={c})",
                   ratio(direct["tps"], pg["tps"]), "(no target)", None)
        self.ratio("1c", f"check p99 through the gateway, ms ({human_size(self.consents)}, c={c})",
                   gw["p99_ms"], "<= 10 ms", gw["p99_ms"] <= 10)
        self.check_errors(gw, direct)

    def jit_warmup(self):
        """Load that is not measured, once, before the first measurement: the JVMs compile their hot paths (C2)
        while it runs. Without it the first scenarios measured the JIT compiler: on two cores consent-service
        spent 2.9 ms of CPU per check in the first measurement and 0.7 ms once warm (bench/RESULTS.md)."""
        t = self.a.jit_warmup
        log(f"JIT warm-up: {t} s of unmeasured load (checks, creates, sharing decisions through the gateway)")
        version, chash = self.notice_version()
        check = {"BENCH_TOKEN": self.token("integration"), "BENCH_SUBJECTS": str(self.subjects)}
        create = {"BENCH_TOKEN": check["BENCH_TOKEN"], "BENCH_RUN_ID": f"{self.run_id}w",
                  "BENCH_NOTICE_VERSION": str(version), "BENCH_NOTICE_HASH": chash, "BENCH_TODAY": london_today()}
        sharing = {"BENCH_TOKEN": self.token("dpo"), "BENCH_PATH": "/api/sharing-decisions",
                   "BENCH_BODY": json.dumps({"recipient": "university-of-bedfordshire",
                                             "categories": ["identity.date-of-birth"], "subject": DEMO_CONSENTED_CHILD,
                                             "purpose": RESEARCH_PURPOSE, "record": False,
                                             "transferMethod": "system-access"})}
        for url, script, env, share in [(self.gw, "check", check, 0.4), (self.cs, "check", check, 0.2),
                                        (self.gw, "create", create, 0.2), (self.gw, "post", sharing, 0.2)]:
            lua = self.out / "logs" / f"{script}.lua"
            if not lua.exists():
                lua.write_text((HERE / "lua/common.lua").read_text() + "\n" + (HERE / f"lua/{script}.lua").read_text())
            seconds = max(1, round(t * share))
            subprocess.run(["wrk", "-t", "2", "-c", "16", "-d", f"{seconds}s", "-s", str(lua), url],
                           env=dict(os.environ, **env), capture_output=True, text=True, timeout=seconds + 60)

    def check_errors(self, *rows):
        for r in rows:
            if r["errors"] and r["errors"] > 0.01 * max(1, r["requests"]):
                log(f"WARNING: {r['scenario']}/{r['variant']}: {r['errors']} errors of {r['requests']} requests")

    def scenario_overhead(self):
        """Scenario 2: the same check request through the gateway, through nginx, and directly."""
        c = self.a.overhead_connections
        tok = self.token("integration")
        log(f"scenario 2: gateway overhead vs nginx, {c} connections")
        self.start_nginx()
        env = {"BENCH_TOKEN": tok, "BENCH_SUBJECTS": str(self.subjects)}
        gw = self.wrk("2-proxy", "gateway", self.gw, "check", c, env)
        ng = self.wrk("2-proxy", "nginx", self.nginx_url, "check", c, env)
        direct = self.wrk("2-proxy", "direct", self.cs, "check", c, env)
        self.ratio("2a", f"throughput, gateway / nginx (c={c})", ratio(gw["tps"], ng["tps"]), ">= 0.8",
                   ratio(gw["tps"], ng["tps"]) >= 0.8)
        added = round(gw["p50_ms"] - direct["p50_ms"], 3)
        self.ratio("2b", f"p50 added by the gateway over direct, ms (c={c})", added, "<= 1 ms", added <= 1)
        self.ratio("2c", f"p50 added by nginx over direct, ms (c={c})", round(ng["p50_ms"] - direct["p50_ms"], 3),
                   "(reference)", None)
        self.check_errors(gw, ng, direct)
        self.stop_nginx()

    def scenario_create(self):
        """Scenario 3: POST /api/consents through the gateway vs pgbench writing the same rows."""
        c = self.a.write_connections
        log(f"scenario 3: consent create, {c} connections")
        version, chash = self.notice_version()
        env = {"BENCH_TOKEN": self.token("integration"), "BENCH_RUN_ID": self.run_id, "BENCH_NOTICE_VERSION": str(version),
               "BENCH_NOTICE_HASH": chash, "BENCH_TODAY": london_today()}
        sample = {"subject": {"identifiers": [{"system": "case-management-id", "value": f"S{self.run_id}-1"}],
                              "dateOfBirth": "2014-03-01"},
                  "notice": {"slug": WIMTM, "version": version, "contentHash": chash}, "purposes": [RESEARCH_PURPOSE],
                  "parties": [{"role": "child", "decision": "GIVEN", "decidedOn": env["BENCH_TODAY"]},
                              {"role": "parent", "relationship": "mother", "decision": "GIVEN",
                               "decidedOn": env["BENCH_TODAY"]}],
                  "collectionMethod": "PAPER_FORM", "formReceivedOn": env["BENCH_TODAY"]}
        status, answer, _ = http("POST", f"{self.gw}/api/consents", json.dumps(sample),
                                 {"Authorization": f"Bearer {env['BENCH_TOKEN']}", "Content-Type": "application/json",
                                  "Idempotency-Key": f"bench-sample-{self.run_id}"})
        (self.out / "logs" / "sample-create.json").write_text(f"HTTP {status}\n{answer}")
        if status != 201:
            raise RuntimeError(f"consent create answered {status}: {answer[:400]}")
        api = self.wrk("3-create", "gateway", self.gw, "create", c, env)
        pg = self.pgbench("3-create", "pgbench", "create.sql", c)
        self.ratio("3", f"create TPS, gateway / pgbench same rows (c={c})", ratio(api["tps"], pg["tps"]), ">= 0.3",
                   ratio(api["tps"], pg["tps"]) >= 0.3)
        self.check_errors(api)

    def notice_version(self):
        status, body, _ = http("GET", f"{self.gw}/public/notices/{WIMTM}", headers={"Accept": "application/json"})
        if status != 200:
            raise RuntimeError(f"public notice: HTTP {status}")
        j = json.loads(body)
        return j["version"], j["contentHash"]

    def scenario_import(self):
        """Scenario 4: the streamed NDJSON import (POST /api/consents/imports) vs COPY of the same rows."""
        n = self.a.import_lines
        log(f"scenario 4: bulk import of {n} lines vs COPY")
        version, chash = self.notice_version()
        today = london_today()
        ndjson = self.out / "logs" / "import.ndjson"
        with open(ndjson, "w") as f:
            for i in range(n):
                f.write(json.dumps({
                    "subject": {"identifiers": [{"system": "case-management-id", "value": f"I{self.run_id}-{i}"}],
                                "dateOfBirth": "2013-05-0" + str(1 + i % 9)},
                    "notice": {"slug": WIMTM, "version": version, "contentHash": chash},
                    "purposes": [RESEARCH_PURPOSE],
                    "parties": [{"role": "child", "decision": "GIVEN", "decidedOn": today},
                                {"role": "parent", "relationship": "father", "decision": "GIVEN", "decidedOn": today}],
                    "collectionMethod": "PAPER_FORM", "formReceivedOn": today}, separators=(",", ":")) + "\n")
        cs = self.services["consent-service"]
        rss_before = rss_mb(cs.proc.pid)
        peak = [rss_before]
        tok = self.token("integration")
        t0 = time.monotonic()
        proc = subprocess.Popen(["curl", "-sS", "-o", str(self.out / "logs" / "import-answer.ndjson"),
                                 "-w", "%{http_code}", "-H", f"Authorization: Bearer {tok}",
                                 "-H", "Content-Type: application/x-ndjson", "--data-binary", f"@{ndjson}",
                                 f"{self.gw}/api/consents/imports"], stdout=subprocess.PIPE, text=True)
        while proc.poll() is None:
            peak.append(rss_mb(cs.proc.pid))
            time.sleep(0.2)
        status = proc.stdout.read().strip()
        answer = (self.out / "logs" / "import-answer.ndjson").read_text(errors="replace")
        note = f"HTTP {status}"
        if status == "202":
            # a job to follow (an asynchronous import): poll what it points to until it finishes
            note += self.follow_import_job(answer, tok, peak, cs)
        secs = time.monotonic() - t0
        counted = re.search(r'"created"\s*:\s*(\d+)', answer)
        created = int(counted.group(1)) if counted else len(re.findall(r'"status":"created"', answer))
        if status not in ("200", "201", "202") or created != n:
            raise RuntimeError(f"the import answered HTTP {status} with {created} of {n} lines created: {answer[:300]}")
        rss_after = rss_mb(cs.proc.pid)
        errors = 0
        api = dict(scenario="4-import", variant="gateway-ndjson", size=self.consents, connections=1,
                   duration_s=round(secs, 2), requests=n, tps=round(n / secs, 1), p50_ms="", p90_ms="", p99_ms="",
                   max_ms="", errors=errors,
                   note=f"{note}; created lines {created}; consent-service RSS {rss_before:.0f} MB before, "
                        f"peak {max(peak):.0f} MB, {rss_after:.0f} MB after")
        self.rows.append(api)
        log(f"  4-import   ndjson: {n} lines in {secs:.2f} s = {api['tps']} lines/s ({note}); RSS peak {max(peak):.0f} MB")
        copy_secs = self.copy_rows(n, version, chash)
        pg = dict(scenario="4-import", variant="COPY", size=self.consents, connections=1, duration_s=round(copy_secs, 2),
                  requests=n, tps=round(n / copy_secs, 1), p50_ms="", p90_ms="", p99_ms="", max_ms="", errors=0,
                  note="psql \\copy of subject, subject_identifier, consent_record, consent_party, consent_history, "
                       "outbox_event rows in one transaction")
        self.rows.append(pg)
        log(f"  4-import   COPY: {n} consents in {copy_secs:.2f} s = {pg['tps']} rows/s")
        self.ratio("4a", f"import rate, NDJSON / COPY ({n} consents)", ratio(api["tps"], pg["tps"]), ">= 0.25",
                   ratio(api["tps"], pg["tps"]) >= 0.25)
        self.ratio("4b", f"consent-service RSS growth during the import, MB ({n} lines)",
                   round(max(peak) - rss_before, 1), "bounded (report)", None)

    def follow_import_job(self, answer, tok, peak, cs):
        m = re.search(r'"(?:href|location|statusUrl|self)"\s*:\s*"([^"]+)"', answer)
        job = m.group(1) if m else None
        if not job:
            return " (202 without a job link)"
        url = job if job.startswith("http") else self.gw + job
        deadline = time.monotonic() + 3600
        while time.monotonic() < deadline:
            peak.append(rss_mb(cs.proc.pid))
            status, body, _ = http("GET", url, headers={"Authorization": f"Bearer {tok}"})
            if status == 200 and re.search(r'"(state|status)"\s*:\s*"(DONE|COMPLETED|SUCCEEDED|FINISHED|FAILED)"',
                                           body, re.I):
                return f" job {job}: {body[:300]}"
            time.sleep(0.2)
        return f" job {job} did not finish"

    def copy_rows(self, n, version, chash):
        """The rows the import writes for n consents, as CSV, loaded with COPY in one transaction (timed)."""
        d = Path(tempfile.mkdtemp(prefix="copy-", dir=self.out / "logs"))
        now = dt.datetime.now(dt.timezone.utc).isoformat()
        today = london_today()
        files = {t: open(d / f"{t}.csv", "w", newline="") for t in
                 ["subject", "subject_identifier", "consent_record", "consent_party", "consent_history", "outbox_event"]}
        w = {t: csv.writer(f) for t, f in files.items()}
        payload = json.dumps({"notice": {"slug": WIMTM, "version": version}, "purposes": [RESEARCH_PURPOSE],
                              "parties": [{"role": "child", "decision": "GIVEN"}, {"role": "parent", "decision": "GIVEN"}]})
        for i in range(n):
            sid, rid = uuid.uuid4(), uuid.uuid4()
            w["subject"].writerow([sid, "2013-05-01", now, "copy", 0])
            w["subject_identifier"].writerow([uuid.uuid4(), sid, "case-management-id", f"K{self.run_id}-{i}"])
            w["consent_record"].writerow([rid, sid, WIMTM, version, chash, "{" + RESEARCH_PURPOSE + "}",
                                          "{identity.date-of-birth}", "GIVEN", "ACTIVE", "t", "{}", "PAPER_FORM", "",
                                          today, "", "copy", "luton-council", now, today, "f", "f", now, "", 1,
                                          "b" * 64, 0, today, "", "", now])  # given_on, expires_at, withdrawal_requested_on, changed_at
            w["consent_party"].writerow([uuid.uuid4(), rid, 0, "child", "", "GIVEN", "", "", "", today, "copy", now])
            w["consent_party"].writerow([uuid.uuid4(), rid, 1, "parent", "father", "GIVEN", "", "", "", today, "copy", now])
            w["consent_history"].writerow([uuid.uuid4(), rid, 1, "recorded", "", "ACTIVE", "copy", now, "", payload,
                                           "0" * 64, "c" * 64])
            w["outbox_event"].writerow([uuid.uuid4(), "consent", rid, "org.consentgov.consent.recorded", now, payload])
        for f in files.values():
            f.close()
        cols = {"subject": "", "subject_identifier": "",
                "consent_record": "", "consent_party": "", "consent_history": "",
                "outbox_event": "(id, aggregate_type, aggregate_id, type, occurred_at, data)"}
        script = d / "copy.sql"
        script.write_text("BEGIN;\n" + "".join(
            f"\\copy {t} {cols[t]} FROM '{d / (t + '.csv')}' WITH (FORMAT csv)\n" for t in files) + "COMMIT;\n")
        t0 = time.monotonic()
        psql(DBS["consent-service"], None, file=script)
        secs = time.monotonic() - t0
        shutil.rmtree(d, ignore_errors=True)
        return secs

    def scenario_sharing(self):
        """Scenario 6: a sharing decision with the consent look-up and a recorded disclosure, through the gateway."""
        c = self.a.write_connections
        log(f"scenario 6: sharing decision + disclosure through the gateway, {c} connections")
        tok = self.token("dpo")
        body = json.dumps({"recipient": "university-of-bedfordshire",
                           "categories": ["identity.date-of-birth", "special.ethnicity"],
                           "subject": DEMO_CONSENTED_CHILD, "purpose": RESEARCH_PURPOSE, "record": True,
                           "transferMethod": "system-access"})
        status, answer, _ = http("POST", f"{self.gw}/api/sharing-decisions", body,
                                 {"Authorization": f"Bearer {tok}", "Content-Type": "application/json"})
        (self.out / "logs" / "sample-sharing-decision.json").write_text(f"HTTP {status}\n{answer}")
        if status not in (200, 201):
            raise RuntimeError(f"sharing decision answered {status}: {answer[:300]}")
        env = {"BENCH_TOKEN": tok, "BENCH_PATH": "/api/sharing-decisions", "BENCH_BODY": body}
        row = self.wrk("6-sharing", "gateway", self.gw, "post", c, env)
        # right beside it, at the same connections and through the same gateway: the consent check that each
        # decision asks consent-service, so that the ratio does not move with the machine's load between runs
        check = self.wrk("6-sharing", "check-gateway", self.gw, "check", c,
                         {"BENCH_TOKEN": self.token("integration"), "BENCH_SUBJECTS": str(self.subjects)})
        self.ratio("6", f"sharing decision + disclosure: TPS (c={c}), p50 / p99 ms",
                   f"{row['tps']} ({row['p50_ms']} / {row['p99_ms']})", "(no target: reported)", None)
        self.ratio("6a", f"sharing decisions / consent checks, TPS through the gateway (c={c}, same run)",
                   ratio(row["tps"], check["tps"]), "(no target: reported)", None)
        self.ratio("6b", f"consent check beside scenario 6: TPS (c={c}), p50 / p99 ms",
                   f"{check['tps']} ({check['p50_ms']} / {check['p99_ms']})", "(reference)", None)
        self.check_errors(row)
        self.check_errors(check)

    def java_opts(self):
        return (self.a.java_opts if self.a.java_opts is not None else
                (self.root / "deploy/jvm.options").read_text()).split()

    def scenario_startup(self):
        """Scenario 7: start-up time and idle RSS of each service (measured when they were started), then the A/B."""
        time.sleep(self.a.idle_seconds)
        for name, s in self.services.items():
            rss, pss = rss_mb(s.proc.pid), pss_mb(s.proc.pid)
            try:
                memory_profile(s.java, s.proc.pid, self.out / f"memory-{name}.txt")
            except (OSError, subprocess.SubprocessError) as e:
                log(f"  7-startup  {name}: no memory profile ({e})")
            self.rows.append(dict(scenario="7-startup", variant=name, size=self.consents, connections="",
                                  duration_s=round(s.startup_s, 2), requests="", tps="", p50_ms="", p90_ms="",
                                  p99_ms="", max_ms="", errors=0,
                                  note=f"{s.jvm_label()}; ready after {s.startup_s:.2f} s (Quarkus 'started in'"
                                       f" {s.quarkus_started_s} s); idle RSS {rss:.0f} MB (PSS {pss:.0f} MB) after"
                                       f" {self.a.idle_seconds} s; heap and metaspace in memory-{name}.txt"))
            self.rows[-1]["rss_mb"] = round(rss, 1)
            log(f"  7-startup  {name:<26} ready {s.startup_s:.2f} s, Quarkus {s.quarkus_started_s} s, RSS {rss:.0f} MB"
                f" (PSS {pss:.0f} MB, {s.jvm_label()})")
            self.ratio(f"7-{name}", f"{name}: start-up to ready, s / idle RSS, MB ({s.jvm_label()})",
                       f"{s.startup_s:.2f} / {rss:.0f}", "<= 1 s / <= 200 MB",
                       s.startup_s <= 1 and rss <= 200)
        self.startup_ab()

    def startup_ab(self):
        """Scenario 7's A/B, in the same run: a second instance of each service (same database, free port), on a JDK
        17-23, then on the services' JDK without and with its AOT cache; each started alone on a quiet suite, its
        idle RSS read, and for consent-service the check's throughput measured directly on it."""
        baseline = find_java(17, 23, self.a.baseline_java)
        if not baseline:
            log("  7-ab: no JDK 17-23 found (--baseline-java): no A/B")
            return
        if java_major(self.java) < 25:
            log(f"  7-ab: the services run on JDK {java_major(self.java)}, which has no AOT cache here: no A/B")
            return
        names = list(self.services) if self.a.ab_services == "all" else self.a.ab_services.split(",")
        for name in names:
            figures = {}
            # A: JDK 17 (today's behaviour); J: the services' JDK without the cache (what the JDK alone does);
            # B: the services' JDK with the cache
            for label, java, aot in (("A", baseline, False), ("J", self.java, False), ("B", self.java, True)):
                port = free_port()
                env = dict(self.envs[name], QUARKUS_HTTP_PORT=str(port), **{PORT_VARS[name]: str(port)})
                extra = Service(self.root, name, port, env, self.out / "logs", None, self.java_opts(), java=java,
                                aot=aot, label=f"{name}-ab-{label}")
                extra.start()
                try:
                    extra.wait_ready()
                    time.sleep(self.a.idle_seconds)
                    rss, pss = rss_mb(extra.proc.pid), pss_mb(extra.proc.pid)
                    variant = f"{name}@{extra.jvm_label()}"
                    self.rows.append(dict(scenario="7-ab", variant=variant, size=self.consents, connections="",
                                          duration_s=round(extra.startup_s, 2), requests="", tps="", p50_ms="",
                                          p90_ms="", p99_ms="", max_ms="", errors=0, rss_mb=round(rss, 1),
                                          note=f"second instance; ready after {extra.startup_s:.2f} s (Quarkus"
                                               f" 'started in' {extra.quarkus_started_s} s); idle RSS {rss:.0f} MB (PSS {pss:.0f} MB);"
                                               f" load average {loadavg()}"))
                    log(f"  7-ab       {variant:<40} ready {extra.startup_s:.2f} s, RSS {rss:.0f} MB, PSS {pss:.0f} MB")
                    figures[label] = (extra.startup_s, rss, extra.jvm_label(), None)
                    if name == "consent-service":
                        # peak throughput on each JVM: a JIT warm-up first, then the measurement
                        env = {"BENCH_TOKEN": self.token("integration"), "BENCH_SUBJECTS": str(self.subjects)}
                        c = self.a.write_connections
                        if self.a.ab_warmup > 0:
                            self.wrk("7-ab", "warm-up", extra.url, "check", c, env, duration=self.a.ab_warmup,
                                     warmup=False)
                            self.rows.pop()
                        row = self.wrk("7-ab", f"check-direct@{extra.jvm_label()}", extra.url, "check", c, env)
                        self.check_errors(row)
                        figures[label] = figures[label][:3] + (row["tps"],)
                finally:
                    extra.stop()
            if len(figures) == 3:
                (sa, ra, la, ta), (sj, rj, lj, tj), (sb, rb, lb, tb) = figures["A"], figures["J"], figures["B"]
                self.ratio(f"7-ab-{name}", f"{name}: ready s / idle RSS MB, {la} -> {lj} -> {lb} (second instance)",
                           f"{sa:.2f} / {ra:.0f} -> {sj:.2f} / {rj:.0f} -> {sb:.2f} / {rb:.0f}",
                           "last: <= 1 s / <= 200 MB", sb <= 1 and rb <= 200)
                if ta and tb:
                    v = ratio(tb, ta)
                    self.ratio("7-ab-throughput", f"consent check TPS direct, {lb} / {la} (c={self.a.write_connections},"
                                                  f" after {self.a.ab_warmup} s of warm-up each)",
                               v, ">= 0.9 (no drop beyond the run-to-run noise)", v >= 0.9)

    # ------------------------------------------------------------------ nginx

    def start_nginx(self):
        d = self.out / "nginx"
        for sub in ["body", "proxy", "fastcgi", "uwsgi", "scgi"]:
            (d / sub).mkdir(parents=True, exist_ok=True)
        port = free_port()
        user = "user root;\n" if os.geteuid() == 0 else ""
        (d / "nginx.conf").write_text(f"""{user}worker_processes auto;
pid {d}/nginx.pid;
error_log {d}/error.log warn;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {d}/body; proxy_temp_path {d}/proxy; fastcgi_temp_path {d}/fastcgi;
  uwsgi_temp_path {d}/uwsgi; scgi_temp_path {d}/scgi;
  upstream consent {{ server 127.0.0.1:{self.services['consent-service'].port}; keepalive 128; }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://consent;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
    }}
  }}
}}
""")
        self.nginx = subprocess.Popen([nginx_bin(), "-p", str(d), "-c", str(d / "nginx.conf"), "-g", "daemon off;"],
                                      stdout=open(d / "stdout.log", "w"), stderr=subprocess.STDOUT,
                                      start_new_session=True)
        self.nginx_url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.nginx.poll() is not None:
                raise RuntimeError("nginx exited: " + tail(d / "stdout.log") + tail(d / "error.log"))
            if http("GET", self.nginx_url + "/q/health/ready", timeout=2)[0] == 200:
                return
            time.sleep(0.2)
        raise RuntimeError("nginx did not answer")

    def stop_nginx(self):
        if self.nginx and self.nginx.poll() is None:
            os.killpg(self.nginx.pid, signal.SIGTERM)
            self.nginx.wait(20)
        self.nginx = None

    # ------------------------------------------------------------------ output

    def write_outputs(self):
        self.facts["load_average_at_end"] = loadavg()
        fields = ["scenario", "variant", "size", "connections", "duration_s", "requests", "tps", "p50_ms", "p90_ms",
                  "p99_ms", "max_ms", "errors", "rss_mb", "note"]
        with open(self.out / "results.csv", "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
            w.writeheader()
            for r in self.rows:
                w.writerow({k: r.get(k, "") for k in fields})
        with open(self.out / "ratios.csv", "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=["id", "measure", "value", "target", "met"])
            w.writeheader()
            w.writerows(self.ratios)
        (self.out / "machine.json").write_text(json.dumps(self.facts, indent=2) + "\n")
        table = self.table()
        (self.out / "table.txt").write_text(table)
        (self.out / "report.md").write_text(self.markdown())
        self.plot()
        print()
        print(table)
        log(f"results in {self.out}: results.csv, ratios.csv, table.txt, report.md, plot.png, machine.json")

    def table(self):
        rows = [("id", "measure", "value", "target", "met")] + [
            (r["id"], r["measure"], str(r["value"]), r["target"], r["met"]) for r in self.ratios]
        widths = [max(len(r[i]) for r in rows) for i in range(5)]
        lines = ["  ".join(c.ljust(widths[i]) for i, c in enumerate(r)).rstrip() for r in rows]
        lines.insert(1, "  ".join("-" * w for w in widths))
        return "\n".join(lines) + "\n"

    def markdown(self):
        out = ["## Machine", ""]
        out += [f"- {k}: `{v}`" for k, v in self.facts.items()]
        out += ["", "## Ratios", "", "| id | measure | value | target | met |", "|---|---|---|---|---|"]
        out += [f"| {r['id']} | {r['measure']} | {r['value']} | {r['target']} | {r['met']} |" for r in self.ratios]
        out += ["", "## Raw figures", "", "| scenario | variant | consents | c | s | requests | req/s | p50 ms | p90 ms | "
                "p99 ms | errors | note |", "|---|---|---|---|---|---|---|---|---|---|---|---|"]
        for r in self.rows:
            out.append("| " + " | ".join(str(r.get(k, "")) for k in ["scenario", "variant", "size", "connections",
                       "duration_s", "requests", "tps", "p50_ms", "p90_ms", "p99_ms", "errors", "note"]) + " |")
        return "\n".join(out) + "\n"

    def plot(self):
        """plot.png: left, throughput of each side-by-side pair; right, check latency against data size."""
        d = self.out
        pairs = [r for r in self.rows if r["scenario"] in ("1-check", "2-proxy", "3-create", "4-import", "6-sharing")]
        with open(d / "plot-throughput.dat", "w") as f:
            for r in pairs:
                f.write(f"\"{r['scenario']}\\n{r['variant']}\" {r['tps'] or 0}\n")
            if not pairs:
                f.write("\"none\" 0\n")
        scale = {}
        for r in self.rows:
            if r["scenario"] == "5-scale":
                kind = "service" if r["variant"].startswith("check-direct") else "pgbench"
                scale.setdefault(kind, []).append((r["size"], r["p50_ms"], r["p99_ms"]))
        for kind in ("service", "pgbench"):
            with open(d / f"plot-scale-{kind}.dat", "w") as f:
                for size, p50, p99 in scale.get(kind, []) or [(1, 0, 0)]:
                    f.write(f"{size} {p50} {p99}\n")
        script = d / "plot.gp"
        script.write_text(f"""set terminal pngcairo size 1400,600 font ",9"
set output "{d}/plot.png"
set multiplot layout 1,2 title "consent governance suite bench, {self.facts.get('date_utc', '')}, {self.facts.get('cores')} cores"
set style fill solid 0.6
set boxwidth 0.7
set ylabel "requests (or rows) per second"
set xtics rotate by -60 font ",7"
set grid ytics
unset key
plot "{d}/plot-throughput.dat" using 0:2:xtic(1) with boxes lc rgb "#4477aa"
set logscale x
set xlabel "consent records"
set ylabel "check latency, ms"
set xtics norotate font ",9"
set key top left
plot "{d}/plot-scale-service.dat" using 1:2 with linespoints title "consent-service p50", \\
     "{d}/plot-scale-service.dat" using 1:3 with linespoints title "consent-service p99", \\
     "{d}/plot-scale-pgbench.dat" using 1:2 with linespoints title "pgbench p50", \\
     "{d}/plot-scale-pgbench.dat" using 1:3 with linespoints title "pgbench p99"
unset multiplot
""")
        r = subprocess.run(["gnuplot", str(script)], capture_output=True, text=True)
        if r.returncode != 0 or not (d / "plot.png").exists():
            # pngcairo may be missing from a minimal gnuplot: fall back to the plain png terminal
            script.write_text(script.read_text().replace("pngcairo", "png"))
            r = subprocess.run(["gnuplot", str(script)], capture_output=True, text=True)
            if r.returncode != 0:
                log(f"gnuplot failed: {r.stderr[-500:]}")

    # ------------------------------------------------------------------ profiles

    def summarise_jfr(self):
        if not self.jfr_dir:
            return
        for s in self.services.values():
            if not s.jfr or not s.jfr.exists():
                continue
            r = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", str(s.jfr)],
                               capture_output=True, text=True)
            top, app = {}, {}
            for block in r.stdout.split("jdk.ExecutionSample")[1:]:
                frames = re.findall(r"^\s+([\w$.<>/]+)\(.*?line:", block, re.M)
                if not frames:
                    continue
                top[frames[0]] = top.get(frames[0], 0) + 1
                for fr in frames:
                    if fr.startswith("org.consentgov"):
                        app[fr] = app.get(fr, 0) + 1
                        break
            total = sum(top.values()) or 1
            lines = [f"{s.name}: {total} execution samples", "top frames:"]
            lines += [f"  {n * 100 / total:5.1f}%  {f}" for f, n in sorted(top.items(), key=lambda x: -x[1])[:20]]
            lines += ["first project frame on the stack:"]
            lines += [f"  {n * 100 / total:5.1f}%  {f}" for f, n in sorted(app.items(), key=lambda x: -x[1])[:15]]
            (self.jfr_dir / f"{s.name}-summary.txt").write_text("\n".join(lines) + "\n")
            log(f"JFR summary: {self.jfr_dir / (s.name + '-summary.txt')}")

    # ------------------------------------------------------------------ the run

    def run(self):
        self.machine_facts()
        self.ensure_keycloak()
        self.create_databases()
        try:
            self.start_services()
            sizes = sorted(parse_size(s) for s in self.a.sizes.split(","))
            check_size = max([s for s in sizes if s <= parse_size(self.a.check_at)] or [sizes[0]])
            only = set(self.a.only.split(",")) if self.a.only else None

            def attempt(name, fn):
                try:
                    fn()
                except Exception as e:  # one scenario's failure is reported, and the others still run
                    log(f"FAILED: {name}: {e}")
                    self.failures.append(f"{name}: {e}")
                    self.ratio(name, f"scenario {name} failed: {str(e)[:120]}", "-", "-", False)
            want = lambda n: only is None or n in only
            if want("7"):
                log("scenario 7: start-up time and idle RSS")
                attempt('scenario_startup', self.scenario_startup)
            for i, size in enumerate(sizes):
                self.grow_to(size)
                if i == 0 and self.a.jit_warmup > 0:
                    attempt('jit_warmup', self.jit_warmup)
                if want("5"):
                    log(f"scenario 5: check latency at {self.consents} consents")
                    attempt('scale_point', self.scale_point)
                if i == 0:
                    if want("2"):
                        attempt('scenario_overhead', self.scenario_overhead)
                    if want("3"):
                        attempt('scenario_create', self.scenario_create)
                    if want("4"):
                        attempt('scenario_import', self.scenario_import)
                    if want("6"):
                        attempt('scenario_sharing', self.scenario_sharing)
                if size == check_size and want("1"):
                    attempt('scenario_check', self.scenario_check)
            self.scale_ratio()
        finally:
            self.stop_nginx()
            for s in reversed(list(self.services.values())):
                s.stop()
            self.summarise_jfr()
            if not self.a.keep_data:
                self.drop_databases()
            if self.keycloak and self.keycloak.poll() is None:
                os.killpg(self.keycloak.pid, signal.SIGTERM)
                try:
                    self.keycloak.wait(60)
                except subprocess.TimeoutExpired:
                    os.killpg(self.keycloak.pid, signal.SIGKILL)
            if self.suite and self.suite.poll() is None:
                log("stopping the local suite this run started")
                os.killpg(self.suite.pid, signal.SIGTERM)
                try:
                    self.suite.wait(120)
                except subprocess.TimeoutExpired:
                    os.killpg(self.suite.pid, signal.SIGKILL)
            self.write_outputs()

    def scale_ratio(self):
        pts = [r for r in self.rows if r["scenario"] == "5-scale" and r["variant"].startswith("check-direct")]
        if len(pts) >= 2:
            first, last = pts[0], pts[-1]
            v = ratio(last["p50_ms"], first["p50_ms"])
            self.ratio("5a", f"check p50 latency, {human_size(last['size'])} / {human_size(first['size'])} "
                             f"(c={last['connections']})", v, "<= 1.3", v <= 1.3)
            v99 = ratio(last["p99_ms"], first["p99_ms"])
            self.ratio("5b", f"check p99 latency, {human_size(last['size'])} / {human_size(first['size'])} "
                             f"(c={last['connections']})", v99, "(reported)", None)
        pg = [r for r in self.rows if r["scenario"] == "5-scale" and r["variant"].startswith("pgbench")]
        if len(pg) >= 2:
            self.ratio("5c", f"pgbench check p50, {human_size(pg[-1]['size'])} / {human_size(pg[0]['size'])}",
                       ratio(pg[-1]["p50_ms"], pg[0]["p50_ms"]), "(reference)", None)


def human_size(n):
    for unit, div in (("M", 1_000_000), ("k", 1_000)):
        if n >= div:
            return f"{n / div:.3g}{unit}"
    return str(n)


def ratio(a, b):
    try:
        return round(float(a) / float(b), 3)
    except (ZeroDivisionError, ValueError, TypeError):
        return float("nan")


def london_today():
    try:
        from zoneinfo import ZoneInfo
        return dt.datetime.now(ZoneInfo("Europe/London")).date().isoformat()
    except Exception:  # no tz database: UTC is the same day most of the time
        return dt.datetime.now(dt.timezone.utc).date().isoformat()


def nginx_bin():
    return shutil.which("nginx") or "/usr/sbin/nginx"


def main():
    p = argparse.ArgumentParser(prog="bench/run", description="Benchmark harness of the consent governance suite")
    p.add_argument("--root", required=True, help=argparse.SUPPRESS)
    p.add_argument("--smoke", action="store_true", help="tiny data, a second of load per measurement (~1 minute)")
    p.add_argument("--sizes", default="100k,1m,10m", help="consent counts for the scale scenario (default 100k,1m,10m)")
    p.add_argument("--check-at", default="1m", help="size at which scenario 1 runs (the largest size not above it)")
    p.add_argument("--duration", type=int, default=20, help="seconds of load per measurement (default 20)")
    p.add_argument("--warmup", type=int, default=5, help="seconds of warm-up load before each (default 5)")
    p.add_argument("--jit-warmup", type=int, default=60,
                   help="seconds of unmeasured load once, before the first measurement, for the JIT (default 60)")
    p.add_argument("--connections", type=int, default=64, help="scenario 1 concurrency (default 64)")
    p.add_argument("--overhead-connections", type=int, default=32, help="scenario 2 concurrency (default 32)")
    p.add_argument("--write-connections", type=int, default=16, help="scenarios 3 and 6 concurrency (default 16)")
    p.add_argument("--scale-connections", type=int, default=8, help="scenario 5 concurrency (default 8)")
    p.add_argument("--import-lines", type=int, default=10000, help="scenario 4 NDJSON lines (default 10000)")
    p.add_argument("--idle-seconds", type=int, default=10, help="idle time before reading RSS (default 10)")
    p.add_argument("--only", help="comma-separated scenario numbers to run (default all: 1-7)")
    p.add_argument("--parallel-start", action="store_true", help="start the four services at once (smoke default)")
    p.add_argument("--java-opts", help="JVM options for the four services (default: deploy/jvm.options, as deployed; "
                                       "\"\" for the JVM's own defaults)")
    p.add_argument("--java", help="the services' java (default: as ./run picks it: the first JDK 24+ among JAVA_HOME,"
                                  " the PATH and /usr/lib/jvm, else the first JDK 17+); on JDK 25+ each service starts"
                                  " from its AOT cache when the build trained one")
    p.add_argument("--baseline-java", help="scenario 7's A side (default: the first JDK 17-23 found)")
    p.add_argument("--ab-services", default="all",
                   help="services whose start-up scenario 7 compares, JDK 17 against JDK 25 + cache (default all)")
    p.add_argument("--ab-warmup", type=int, default=60,
                   help="seconds of check load on each consent-service of the A/B before its measurement (default 60)")
    p.add_argument("--jfr", action="store_true", help="record JFR profiles of every service (in OUT/jfr)")
    p.add_argument("--keycloak", help="a running Keycloak with the demo realm (default http://localhost:8180, "
                   "else the harness starts its own)")
    p.add_argument("--start-suite", action="store_true", help="start ./run --no-build when Keycloak is not up")
    p.add_argument("--keep-data", action="store_true", help="keep the bench_* databases")
    p.add_argument("--out", help="output folder (default bench/results/<UTC time>)")
    argv = sys.argv[1:]
    a = p.parse_args()
    a.argv = [x for x in argv if not x.startswith("--root") and x != a.root]
    if a.smoke:
        defaults = dict(sizes="1000,3000", check_at="3000", duration=1, warmup=1, jit_warmup=2, connections=8,
                        overhead_connections=8, write_connections=4, scale_connections=4, import_lines=50,
                        idle_seconds=1, parallel_start=True, ab_services="gateway,consent-service", ab_warmup=1)
        given = {x.split("=")[0].lstrip("-").replace("-", "_") for x in argv if x.startswith("--")}
        for k, v in defaults.items():
            if k not in given:
                setattr(a, k, v)
    try:
        bench = Bench(a)
        bench.run()
        if bench.failures:
            log(f"{len(bench.failures)} scenario(s) failed: " + "; ".join(bench.failures))
            sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
