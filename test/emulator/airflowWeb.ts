// The Airflow web server behind MWAA's WebServerHostname: HTTPS on loopback with a certificate
// generated at start (openssl CLI; no key is ever committed). The console-SSO page reads the
// web login token from the URL fragment and posts it back; a token works once, within 60 s.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Runtime } from './services/context';
import { WEB_TOKEN_LIFETIME_MS } from './services/mwaa';

let certificate: { key: string; cert: string } | undefined;

/** A self-signed certificate for localhost, *.airflow.localhost and 127.0.0.1, made once per process. */
function selfSignedCertificate(): { key: string; cert: string } {
  if (certificate) return certificate;
  const dir = mkdtempSync(path.join(tmpdir(), 'emulator-cert-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=airflow.localhost',
      '-addext', 'subjectAltName=DNS:localhost,DNS:*.airflow.localhost,IP:127.0.0.1',
    ], { stdio: 'ignore' });
    certificate = { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
    return certificate;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SSO_PATHS = new Set(['/aws_mwaa/aws-console-sso', '/pluginsv2/aws_mwaa/aws-console-sso']);

export type LoginResult = { ok: true; environment: string; airflowIdentity: string } | { ok: false; reason: string };

/** Spends a token: unknown, reused, expired and other-environment tokens are refused. */
export function redeemToken(runtime: Runtime, token: string, hostEnvironment: string | undefined): LoginResult {
  const entry = runtime.webLoginTokens.get(token);
  if (!entry) return { ok: false, reason: 'The login token is not valid.' };
  if (entry.used) return { ok: false, reason: 'The login token has already been used. Open the Airflow UI again to get a new one.' };
  entry.used = true;
  if (Date.now() - entry.createdAt > WEB_TOKEN_LIFETIME_MS) return { ok: false, reason: 'The login token has expired (tokens are valid for 60 seconds).' };
  if (hostEnvironment && hostEnvironment !== entry.environment.toLowerCase()) {
    return { ok: false, reason: `The login token is for environment ${entry.environment}, not ${hostEnvironment}.` };
  }
  return { ok: true, environment: entry.environment, airflowIdentity: entry.airflowIdentity };
}

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

const SSO_PAGE = page(
  'Airflow (emulated MWAA)',
  `<h1>Airflow</h1>
<p id="login-status" data-state="pending">Logging in…</p>
<script>
(async () => {
  const status = document.getElementById('login-status');
  const token = location.hash.slice(1);
  if (!token) { status.dataset.state = 'refused'; status.textContent = 'Login refused: no login token in the URL.'; return; }
  history.replaceState(null, '', location.pathname + location.search);
  const res = await fetch(location.pathname, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
  const result = await res.json();
  status.dataset.state = result.ok ? 'logged-in' : 'refused';
  status.textContent = result.ok ? 'Logged in to ' + result.environment + ' as ' + result.airflowIdentity : 'Login refused: ' + result.reason;
})();
</script>`,
);

function hostEnvironment(req: IncomingMessage): string | undefined {
  return /^([^.]+)\.airflow\.localhost(?::\d+)?$/.exec(req.headers.host ?? '')?.[1];
}

function handle(runtime: Runtime, req: IncomingMessage, res: ServerResponse, body: string): void {
  const url = new URL(req.url ?? '/', 'https://localhost');
  if (SSO_PATHS.has(url.pathname) && req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(SSO_PAGE);
    return;
  }
  if (SSO_PATHS.has(url.pathname) && req.method === 'POST') {
    let token: string;
    try {
      token = String((JSON.parse(body) as { token?: unknown }).token ?? '');
    } catch {
      token = '';
    }
    const result = redeemToken(runtime, token, hostEnvironment(req));
    res.writeHead(result.ok ? 200 : 403, { 'content-type': 'application/json' });
    res.end(JSON.stringify(result));
    return;
  }
  if (url.pathname === '/' || url.pathname === '/home') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page('Airflow (emulated MWAA)', '<h1>Airflow</h1><p id="home">Emulated Airflow web server. Open it from the extension to log in.</p>'));
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('Not found');
}

export async function startAirflowWebServer(runtime: Runtime, port = 0): Promise<{ server: Server; port: number }> {
  const server = createServer(selfSignedCertificate(), (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(runtime, req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
