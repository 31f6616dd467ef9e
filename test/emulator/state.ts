// The emulator's whole state: plain JSON, keyed by region, optionally persisted to a file
// (written atomically: a temporary file renamed over the old one).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { ImageBuilderState } from './services/imagebuilder';
import type { KmsState } from './services/kms';
import type { LogsState } from './services/logStore';
import type { MwaaState } from './services/mwaa';
import type { MwaaServerlessState } from './services/mwaaServerless';
import type { S3State } from './services/s3';
import type { StepFunctionsState } from './services/stepfunctions';

export interface RegionState {
  states: StepFunctionsState;
  imagebuilder: ImageBuilderState;
  airflow: MwaaState;
  airflowServerless: MwaaServerlessState;
  /** Seeded customer managed keys (absent in state files written before keys were modelled). */
  kms?: KmsState;
  /** CloudWatch Logs (absent until something logs in the region). */
  logs?: LogsState;
}

export interface EmulatorState {
  formatVersion: 1;
  regions: Record<string, RegionState>;
  /** Bucket names are global; each bucket records its region. */
  s3: S3State;
  /** Idempotency records: `${service}:${region}:${operation}:${token}`. */
  idempotency: Record<string, { fingerprint: string; response: unknown }>;
}

export function emptyState(): EmulatorState {
  return { formatVersion: 1, regions: {}, s3: { buckets: {} }, idempotency: {} };
}

function emptyRegion(): RegionState {
  return {
    states: { stateMachines: {}, activities: {}, executions: {} },
    imagebuilder: { workflows: {} },
    airflow: { environments: {} },
    airflowServerless: { workflows: {}, runs: {} },
  };
}

export class StateStore {
  state: EmulatorState = emptyState();
  /** Bumped before anything may change the state; list caches are valid within one generation. */
  private generation = 0;
  private listCache = new WeakMap<object, { generation: number; values: unknown[] }>();

  constructor(readonly statePath?: string) {}

  /** Marks the state as about to change (every request that is not a read). */
  touch(): void {
    this.generation++;
  }

  /** `Object.values(collection)`, cached until the next change: 10,000 state machines page quickly. */
  values<T>(collection: Record<string, T>): T[] {
    const cached = this.listCache.get(collection);
    if (cached?.generation === this.generation) return cached.values as T[];
    const values = Object.values(collection);
    this.listCache.set(collection, { generation: this.generation, values });
    return values;
  }

  region(name: string): RegionState {
    return (this.state.regions[name] ??= emptyRegion());
  }

  /** Loads the state file if there is one; answers whether it did. */
  load(): boolean {
    if (!this.statePath || !existsSync(this.statePath)) return false;
    const loaded = JSON.parse(readFileSync(this.statePath, 'utf8')) as EmulatorState;
    if (loaded.formatVersion !== 1) throw new Error(`${this.statePath}: unsupported state format ${String(loaded.formatVersion)}`);
    this.touch();
    this.state = loaded;
    return true;
  }

  save(): void {
    if (!this.statePath) return;
    const temp = `${this.statePath}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(this.state));
    renameSync(temp, this.statePath);
  }

  reset(): void {
    this.touch();
    this.state = emptyState();
  }
}
