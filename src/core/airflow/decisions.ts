// What to say before asking MWAA for a web login token: environments that are not AVAILABLE
// and web servers reachable only from inside the VPC get one question, with the reason.

export interface EnvironmentSummary {
  name: string;
  region: string;
  /** GetEnvironment's Status; undefined when it could not be read. */
  status?: string;
  airflowVersion?: string;
  /** PRIVATE_ONLY | PUBLIC_ONLY | PUBLIC_AND_PRIVATE. */
  webserverAccessMode?: string;
}

/** Why a status may keep the Airflow UI from opening, as the end of "X in R is …". */
const STATUS_REASONS: Record<string, string> = {
  CREATING: 'still being created; its web server is not there yet',
  CREATE_FAILED: 'in CREATE_FAILED: it was never created, so it has no web server',
  UPDATING: 'being updated; its web server may restart or not answer until the update finishes',
  DELETING: 'being deleted',
  DELETED: 'deleted',
  UNAVAILABLE: 'UNAVAILABLE: its web server is not responding',
  UPDATE_FAILED: 'in UPDATE_FAILED after a failed update; its web server may not be running',
  ROLLING_BACK: 'rolling back a failed update; its web server may not answer until it finishes',
  CREATING_SNAPSHOT: 'creating a snapshot; its web server may not answer until it finishes',
  PENDING: 'pending; its web server is not there yet',
  MAINTENANCE: 'in maintenance; its web server may restart or not answer until maintenance ends',
};

export type OpenDecision =
  | { kind: 'open' }
  /** Ask first: `message` says why, `confirm` is the button that goes ahead. */
  | { kind: 'confirm'; message: string; confirm: 'Try Anyway' | 'Open Anyway' };

export function statusWarning(env: EnvironmentSummary): string | undefined {
  if (env.status === undefined || env.status === 'AVAILABLE') return undefined;
  const reason = STATUS_REASONS[env.status] ?? `${env.status}, not AVAILABLE; its web server may not answer`;
  return `MWAA environment ${env.name} in ${env.region} is ${reason}.`;
}

export function accessModeWarning(env: EnvironmentSummary): string | undefined {
  if (env.webserverAccessMode !== 'PRIVATE_ONLY') return undefined;
  return `${env.name}'s web server is private (PRIVATE_ONLY): the Airflow UI opens only from inside the environment's VPC, e.g. over a VPN or through a bastion host.`;
}

/** One question at most, naming every reason; an unknown status (GetEnvironment not allowed) is no reason. */
export function decideOpen(env: EnvironmentSummary): OpenDecision {
  const status = statusWarning(env);
  const access = accessModeWarning(env);
  if (!status && !access) return { kind: 'open' };
  return { kind: 'confirm', message: [status, access].filter(Boolean).join(' '), confirm: status ? 'Try Anyway' : 'Open Anyway' };
}

/** "AVAILABLE · Airflow 2.10.3 · private": the QuickPick's description of an environment. */
export function environmentDescription(env: EnvironmentSummary): string {
  const parts: string[] = [];
  if (env.status) parts.push(env.status);
  if (env.airflowVersion) parts.push(`Airflow ${env.airflowVersion}`);
  if (env.webserverAccessMode === 'PRIVATE_ONLY') parts.push('private web server');
  return parts.join(' · ');
}
