// Behind TLS: a second nginx of the test's own, listening with TLS (a
// throw-away certificate) in front of the stack's very programs (its
// upstreams and locations), so that the cookies are seen as a browser
// over https sees them: every cookie the programs set there is Secure,
// HttpOnly and SameSite, with the same security headers, while the stack's
// plain-HTTP listener (a local stack, [site] tls = false) sets them
// without Secure, since a browser would not send them back over http.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, chmodSync, existsSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STATE } from './lib.mjs';
import { PEOPLE, Client, csrfIn, headerFaults } from './security-matrix.mjs';

let dir;
let port;

// A port nobody listens on now.
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'security-tls-'));
  chmodSync(dir, 0o755);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'pipe' });
  port = await freePort();
  // The stack's nginx runs its workers as the user its configuration names.
  const user = /^user [^;]+;/m.exec(readFileSync(join(STATE, 'nginx.conf'), 'utf8'))?.[0] ?? '';
  writeFileSync(join(dir, 'nginx.conf'), `${user}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
	access_log off;
	client_body_temp_path ${dir}/body;
	fastcgi_temp_path ${dir}/fastcgi;
	proxy_temp_path ${dir}/proxy;
	uwsgi_temp_path ${dir}/uwsgi;
	scgi_temp_path ${dir}/scgi;
	include ${STATE}/nginx-upstreams.conf;
	server {
		listen 127.0.0.1:${port} ssl;
		ssl_certificate ${dir}/cert.pem;
		ssl_certificate_key ${dir}/key.pem;
		include ${STATE}/nginx-locations.conf;
	}
}
`);
  const r = spawnSync('nginx', ['-q', '-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { encoding: 'utf8' });
  assert.equal(r.status, 0, `nginx with TLS starts: ${r.stderr}`);
});

after(() => {
  const pidFile = join(dir, 'nginx.pid');
  if (existsSync(pidFile)) process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

// One request over TLS (the throw-away certificate accepted):
// { status, headers (a Headers), setCookies, body }.
function tls(method, path, { cookie = '', form } = {}) {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port, method, path, rejectUnauthorized: false,
      headers: { cookie, ...(body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } : {}) },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (k !== 'set-cookie') headers.set(k, Array.isArray(v) ? v.join(', ') : v);
        resolve({ status: res.statusCode, headers, setCookies: res.headers['set-cookie'] ?? [], body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const pair = (c) => c.split(';')[0];

test('over TLS every cookie is Secure, HttpOnly and SameSite, from the sign-in form to signing out', async () => {
  const page = await tls('GET', '/login');
  assert.equal(page.status, 200);
  assert.deepEqual(headerFaults(page), []);
  const pre = page.setCookies.find((c) => c.startsWith('tc_pre='));
  assert.ok(pre, 'the pre-session cookie is set');
  assert.match(pre, /;\s*Secure/);
  const signIn = await tls('POST', '/login', { cookie: pair(pre), form: { username: PEOPLE.sales, password: 'ticheng', csrf: csrfIn(page.body) } });
  assert.equal(signIn.status, 303);
  const session = signIn.setCookies.find((c) => c.startsWith('tc_session='));
  assert.ok(session, 'the session cookie is set');
  assert.deepEqual(headerFaults(signIn), []);
  for (const c of signIn.setCookies) assert.match(c, /;\s*Secure/, c);
  const home = await tls('GET', '/', { cookie: pair(session) });
  assert.equal(home.status, 200, 'the Secure session works over TLS');
  const lang = await tls('POST', '/lang', { cookie: pair(session), form: { lang: 'zh', next: '/', csrf: csrfIn(home.body) } });
  assert.equal(lang.status, 303);
  for (const c of lang.setCookies) assert.match(c, /;\s*Secure/, c);
  const out = await tls('POST', '/logout', { cookie: pair(session), form: { csrf: csrfIn(home.body) } });
  assert.equal(out.status, 303);
  assert.ok(out.setCookies.length > 0);
  for (const c of out.setCookies) assert.match(c, /;\s*Secure/, c);
});

test('over plain HTTP (the local stack, tls = false) the same cookies come without Secure', async () => {
  const c = new Client();
  const page = await c.get('/login');
  const pre = page.setCookies.find((s) => s.startsWith('tc_pre='));
  assert.ok(pre);
  assert.doesNotMatch(pre, /Secure/);
  const res = await c.post('/login', { username: PEOPLE.sales, password: 'ticheng', csrf: csrfIn(page.body) });
  assert.equal(res.status, 303);
  assert.doesNotMatch(res.setCookies.find((s) => s.startsWith('tc_session=')), /Secure/);
});
