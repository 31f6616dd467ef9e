// The Airflow UI login URL for an MWAA web login token. The token travels in the fragment only,
// so it never reaches server logs or proxies; the page reads it and posts it once.

/** Airflow 2 serves the console-SSO page under /aws_mwaa; Airflow 3 under its plugin prefix. */
const SSO_PATH_AIRFLOW_2 = '/aws_mwaa/aws-console-sso?login=true';
// Airflow 3: no official AWS page documents it; community code uses this (see shared/reference/api-facts.md).
const SSO_PATH_AIRFLOW_3 = '/pluginsv2/aws_mwaa/aws-console-sso?login=true';

/** The major version of an Airflow version string (`2.10.3` → 2, `v3.0.6` → 3); undefined if unreadable. */
export function airflowMajorVersion(version: string | undefined): number | undefined {
  const m = /^\s*v?(\d+)(?:\.|\s*$)/i.exec(version ?? '');
  return m ? Number(m[1]) : undefined;
}

/** The console-SSO path for an Airflow version; unknown versions get the Airflow 2 path, as MWAA had for years. */
export function loginPath(airflowVersion: string | undefined): string {
  const major = airflowMajorVersion(airflowVersion);
  return major !== undefined && major >= 3 ? SSO_PATH_AIRFLOW_3 : SSO_PATH_AIRFLOW_2;
}

// RFC 3986 fragment characters; anything else is percent-encoded so the URL stays one piece.
const FRAGMENT_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/;

function fragmentOf(token: string): string {
  let out = '';
  for (const ch of token) {
    out += FRAGMENT_SAFE.test(ch) ? ch : [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

/**
 * The origin of a web server hostname as MWAA returns it: `host`, `host:port`, or with a scheme
 * (`https://host/`). Always HTTPS: MWAA web servers serve nothing else, and the page that reads the
 * token must not be fetched in the clear.
 */
export function webServerOrigin(webServerHostname: string): string {
  const raw = webServerHostname.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, '');
  if (!raw || /[\s/?#@\\]/.test(raw)) throw new Error(`The web server hostname "${raw}" MWAA returned is not a host name.`);
  let url: URL;
  try {
    url = new URL(`https://${raw}`);
  } catch {
    throw new Error(`The web server hostname "${raw}" MWAA returned is not a host name.`);
  }
  return url.origin;
}

export interface LoginUrlInput {
  /** CreateWebLoginToken's WebServerHostname: always use it, never a name built from the environment. */
  webServerHostname: string;
  webToken: string;
  /** The environment's AirflowVersion (GetEnvironment); picks the path. */
  airflowVersion?: string;
}

/** `https://{hostname}{path}#{token}`. The result is a secret for 60 seconds: never log or show it. */
export function airflowLoginUrl(input: LoginUrlInput): string {
  if (!input.webToken) throw new Error('MWAA returned no web login token.');
  return `${webServerOrigin(input.webServerHostname)}${loginPath(input.airflowVersion)}#${fragmentOf(input.webToken)}`;
}
