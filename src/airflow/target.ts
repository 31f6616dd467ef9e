// Which environment the command is about, from whatever invoked it: the explorer's MWAA
// environment node (its `item` holds name, region, kind), a CodeLens's {name, region}, a name,
// or nothing (the palette: the user picks).

import type { EnvironmentSummary } from '../core/airflow/decisions';

export interface AirflowTarget {
  name: string;
  /** Undefined: the region in use when the command runs. */
  region?: string;
  /** Just read by the picker: no need to read it again before asking for a token. */
  described?: EnvironmentSummary;
  /** The Airflow version the explorer last saw; used only when GetEnvironment is not allowed. */
  airflowVersionHint?: string;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** undefined means "ask"; throws for an argument that names something other than an MWAA environment. */
export function targetFromArgument(arg: unknown): AirflowTarget | undefined {
  if (arg === undefined || arg === null) return undefined;
  if (typeof arg === 'string') return text(arg) ? { name: text(arg)! } : undefined;
  if (typeof arg !== 'object') return undefined;
  const holder = arg as { item?: unknown };
  const source = (holder.item && typeof holder.item === 'object' ? holder.item : arg) as Record<string, unknown>;
  const name = text(source.name);
  if (!name) return undefined;
  if (source.kind !== undefined && source.kind !== 'mwaaEnvironment') {
    throw new Error(`Open Airflow UI works on MWAA environments; ${name} is not one.`);
  }
  const hint = text(source.airflowVersion);
  return { name, region: text(source.region), ...(hint ? { airflowVersionHint: hint } : {}) };
}
