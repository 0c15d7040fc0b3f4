#!/usr/bin/env python3
"""crawl.py: the targets of the sqlmap suite (tests/security/sqlmap/run).

Signs in as one person of each role through the real sign-in form, walks
every page that person can reach from home (links and GET forms, on this
site only), and keeps each form and query string it meets: the method,
the URL, every field with the value the page gave it (the hidden CSRF
token included), and the route of `ticheng-admin routes` the URL falls
under.  One target per route, method and set of field names, taken from
the first role that reached it.  The canary of test builds
(GET /test-hooks/sql-canary?login=...) is added, since no page links to
it.  Prints the targets as JSON lines on stdout and the coverage (routes
of the dump reached, per role and in all) to the file named by --coverage.

Usage: crawl.py --url URL --routes ROUTES.tsv --coverage FILE
                [--pages N] [--per-route N] [--roles sales,hr]
"""
import argparse
import html.parser
import http.cookiejar
import json
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

# One person per role (the demo directory, conf/demo.ldif.in).
ROLES = [
    ("sales", "zhangwei"),
    ("manager", "chenjing"),
    ("hr", "zhaomin"),
    ("finance", "sunli"),
    ("reviewer", "zhouhang"),
    ("management", "wujun"),
    ("admin", "admin"),
]

# Routes never attacked, with the reason (printed in the coverage).
EXCLUDED = {
    ("POST", "/logout"): "ends the session every later request rides on",
    ("POST", "/login"): "the sign-in checks the directory (LDAP, escaped "
                        "filters), and its rate limit would lock the "
                        "suite's own sign-ins out",
}

# Pages not walked: downloads are no HTML to read forms from.
DOWNLOAD = re.compile(r"\.(csv|xlsx|json|pdf)$|/export$|/print$")


class Page(html.parser.HTMLParser):
    """The links and forms of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.forms = []
        self.form = None
        self.select = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            self.form = {
                "method": (a.get("method") or "get").upper(),
                "action": a.get("action") or "",
                "enctype": a.get("enctype") or
                "application/x-www-form-urlencoded",
                "fields": [], "buttons": [],
            }
            self.forms.append(self.form)
        elif self.form is None:
            return
        elif tag == "input":
            name, kind = a.get("name"), (a.get("type") or "text").lower()
            if not name:
                if kind in ("submit", "image"):
                    self.form["buttons"].append([None, ""])
                return
            if kind in ("submit", "button", "image"):
                self.form["buttons"].append([name, a.get("value") or ""])
            elif kind in ("checkbox", "radio"):
                if "checked" in a or not any(
                        f[0] == name for f in self.form["fields"]):
                    self.set_field(name, a.get("value") or "on",
                                   replace="checked" in a)
            elif kind == "file":
                self.form["fields"].append([name, "", "file"])
            else:
                self.form["fields"].append([name, a.get("value") or
                                            sample(name, kind, a,
                                                   self.form["method"])])
        elif tag == "button" and (a.get("type") or "submit") == "submit":
            self.form["buttons"].append([a.get("name"), a.get("value") or ""])
        elif tag == "select" and a.get("name"):
            self.select = [a["name"], None, False]
            self.form["fields"].append(self.select)
        elif tag == "option" and self.select is not None:
            # the selected option, else the first whose value is not
            # empty (a filter's "all" is empty)
            v = a.get("value")
            if v is None or self.select[2]:
                return
            if "selected" in a:
                self.select[1], self.select[2] = v, True
            elif not self.select[1]:
                self.select[1] = v
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]
            self.form["fields"].append(self.textarea)

    def set_field(self, name, value, replace):
        for f in self.form["fields"]:
            if f[0] == name:
                if replace:
                    f[1] = value
                return
        self.form["fields"].append([name, value])

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            if self.select is not None:
                if self.select[1] is None:
                    self.select[1] = ""
                del self.select[2:]
            self.select = None
        elif tag == "textarea":
            if self.textarea is not None and not self.textarea[1].strip():
                self.textarea[1] = "sqlmap"
            self.textarea = None


def sample(name, kind, attrs, method):
    """A value a person would type into an empty field of a form that
    changes something, so that the form as sent is accepted and sqlmap's
    changes reach the SQL behind it: a date today, an amount, a word.
    Codes stay empty (the system makes them), as do the filters of a list
    (GET: empty is all rows) unless required."""
    if kind == "hidden" or name == "code" or \
            attrs.get("readonly") is not None:
        return ""
    if method == "GET" and attrs.get("required") is None:
        return ""
    if kind == "date":
        return time.strftime("%Y-%m-%d")
    if kind == "month":
        return time.strftime("%Y-%m")
    if kind == "email":
        return "sqlmap@example.com"
    if kind == "number" or attrs.get("inputmode") in ("decimal", "numeric"):
        return "1"
    return "sqlmap"


def route_table(path):
    """The routes of the dump as (method, pattern, regex, roles)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            col = line.rstrip("\n").split("\t")
            if col[0] == "program":
                continue
            method, pattern, roles = col[1], col[2], col[3]
            rx = re.compile("^" + re.escape(pattern).replace(r"\#", r"[1-9][0-9]*")
                            .replace("#", "[1-9][0-9]*") + "$")
            out.append((method, pattern, rx,
                        set() if roles == "public" else set(roles.split(","))))
    return out


def route_of(routes, method, path):
    for m, pattern, rx, _ in routes:
        if m == method and rx.match(path):
            return pattern
    return None


class Session:
    def __init__(self, base, login):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar),
            NoRedirect())
        self.opener.addheaders = [("User-Agent", "ticheng-sqlmap-crawl")]
        self.login = login

    def get(self, path):
        try:
            r = self.opener.open(self.base + path, timeout=30)
            return r.status, r.headers.get("Content-Type", ""), \
                r.read().decode("utf-8", "replace"), None
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("Content-Type", ""), \
                e.read().decode("utf-8", "replace"), e.headers.get("Location")

    def sign_in(self):
        status, _, body, _ = self.get("/login")
        m = re.search(r'name="csrf" value="([^"]*)"', body)
        if not m:
            raise SystemExit("crawl: no CSRF token on /login")
        data = urllib.parse.urlencode({
            "csrf": m.group(1), "username": self.login,
            "password": "ticheng", "next": ""}).encode()
        try:
            r = self.opener.open(self.base + "/login", data, timeout=30)
            status = r.status
        except urllib.error.HTTPError as e:
            status = e.code
        if status != 303:
            raise SystemExit(f"crawl: signing in {self.login} answered {status}")

    def cookie(self):
        return "; ".join(f"{c.name}={c.value}" for c in self.jar
                         if c.name == "tc_session")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def crawl(base, routes, role, login, pages, per_route, targets, seen_keys,
          reached):
    s = Session(base, login)
    s.sign_in()
    cookie = s.cookie()
    queue, visited, per = ["/"], set(), {}
    while queue and len(visited) < pages:
        url = queue.pop(0)
        if url in visited:
            continue
        path = urllib.parse.urlsplit(url).path
        pattern = route_of(routes, "GET", path)
        if pattern is None:
            continue
        # a few pages of one route are enough (rows differ, forms not)
        if per.get(pattern, 0) >= per_route:
            continue
        per[pattern] = per.get(pattern, 0) + 1
        visited.add(url)
        status, ctype, body, location = s.get(url)
        if status in (301, 302, 303) and location:
            reached.setdefault(("GET", pattern), set()).add(role)
            nxt = local(base, url, location)
            if nxt:
                queue.append(nxt)
            continue
        if status != 200 or "text/html" not in ctype:
            if status == 200:
                reached.setdefault(("GET", pattern), set()).add(role)
            continue
        reached.setdefault(("GET", pattern), set()).add(role)
        page = Page()
        page.feed(body)
        query = urllib.parse.urlsplit(url).query
        if query:
            add(targets, seen_keys, role, cookie, "GET", pattern, path,
                urllib.parse.parse_qsl(query, keep_blank_values=True),
                "application/x-www-form-urlencoded", url)
        for href in page.links:
            nxt = local(base, url, href)
            if nxt and not DOWNLOAD.search(urllib.parse.urlsplit(nxt).path):
                queue.append(nxt)
            elif nxt:
                # a download: its filters are a target, its bytes no page
                p = urllib.parse.urlsplit(nxt)
                pat = route_of(routes, "GET", p.path)
                if pat:
                    reached.setdefault(("GET", pat), set()).add(role)
                if pat and p.query:
                    add(targets, seen_keys, role, cookie, "GET", pat, p.path,
                        urllib.parse.parse_qsl(p.query, keep_blank_values=True),
                        "application/x-www-form-urlencoded", url)
        for form in page.forms:
            action = local(base, url, form["action"]) or url
            apath = urllib.parse.urlsplit(action).path
            method = form["method"]
            pat = route_of(routes, method, apath)
            if pat is None:
                continue
            reached.setdefault((method, pat), set()).add(role)
            fields = [f[:2] if len(f) < 3 else f for f in form["fields"]]
            # the button a person presses to send it: none when the form
            # has a plain submit button (a named one beside it, such as
            # the order form's "more rows", only redraws the form), else
            # the first named one (settlement's batch actions)
            if form["buttons"] and all(b[0] for b in form["buttons"]):
                fields.append(form["buttons"][0])
            add(targets, seen_keys, role, cookie, method, pat, apath, fields,
                form["enctype"], url)
            if method == "GET":
                q = urllib.parse.urlencode([(f[0], f[1] or "") for f in fields])
                if not DOWNLOAD.search(apath):
                    queue.append(apath + ("?" + q if q else ""))


def local(base, page_url, href):
    """The site-local path?query of href on page_url, or None."""
    if href.startswith(("mailto:", "javascript:", "#", "data:")):
        return None
    u = urllib.parse.urlsplit(urllib.parse.urljoin(base + page_url, href))
    if u.scheme + "://" + u.netloc != base:
        return None
    return u.path + ("?" + u.query if u.query else "")


def add(targets, seen_keys, role, cookie, method, pattern, path, fields,
        enctype, page):
    if (method, pattern) in EXCLUDED:
        return
    names = tuple(sorted({f[0] for f in fields if f[0] != "csrf"}))
    if not names:
        return
    key = (method, pattern, names)
    if key in seen_keys:
        return
    seen_keys.add(key)
    targets.append({
        "role": role, "cookie": cookie, "method": method,
        "pattern": pattern, "path": path, "fields": fields,
        "enctype": enctype, "page": page,
    })


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--routes", required=True)
    ap.add_argument("--coverage", required=True)
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--per-route", type=int, default=2)
    ap.add_argument("--roles", default="",
                    help="comma-separated roles to sign in as (all)")
    args = ap.parse_args()
    wanted = set(args.roles.split(",")) if args.roles else None
    base = args.url.rstrip("/")
    routes = route_table(args.routes)
    targets, seen_keys, reached = [], set(), {}
    for role, login in ROLES:
        if wanted is not None and role not in wanted:
            continue
        crawl(base, routes, role, login, args.pages, args.per_route,
              targets, seen_keys, reached)
    # the canary: linked from nowhere, in test builds only
    if route_of(routes, "GET", "/test-hooks/sql-canary"):
        s = Session(base, "zhangwei")
        s.sign_in()
        targets.insert(0, {
            "role": "sales", "cookie": s.cookie(), "method": "GET",
            "pattern": "/test-hooks/sql-canary",
            "path": "/test-hooks/sql-canary",
            "fields": [["login", "zhangwei"]],
            "enctype": "application/x-www-form-urlencoded", "page": "",
            "canary": True,
        })
        reached.setdefault(("GET", "/test-hooks/sql-canary"), set()).add("sales")
    for t in targets:
        print(json.dumps(t, ensure_ascii=False))
    with open(args.coverage, "w", encoding="utf-8") as f:
        for method, pattern, _, roles in routes:
            key = (method, pattern)
            if key in EXCLUDED:
                f.write(f"excluded\t{method}\t{pattern}\t{EXCLUDED[key]}\n")
            elif key in reached:
                f.write(f"reached\t{method}\t{pattern}\t"
                        f"{','.join(sorted(reached[key]))}\n")
            else:
                f.write(f"unreached\t{method}\t{pattern}\t"
                        f"{','.join(sorted(roles)) or 'public'}\n")


if __name__ == "__main__":
    sys.exit(main())
