// Faults queued through the control endpoint for the next N requests of an operation.
import type { ServiceName } from './services/context';
import { KMS_FAULT_KINDS, type KmsFaultKind } from './services/kms';

export const FAULT_KINDS = ['http500', 'throttle', 'delay', 'slowReply', 'drop', 'malformed', 'accessDenied', ...KMS_FAULT_KINDS] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRequest {
  service?: ServiceName;
  operation: string;
  count?: number;
  kind: FaultKind;
  delayMs?: number;
}

interface QueuedFault {
  service?: ServiceName;
  operation: string;
  kind: FaultKind;
  delayMs?: number;
  remaining: number;
}

export class FaultQueue {
  private faults: QueuedFault[] = [];

  add(request: FaultRequest): void {
    this.faults.push({ service: request.service, operation: request.operation, kind: request.kind, delayMs: request.delayMs, remaining: request.count ?? 1 });
  }

  /**
   * Takes one use of the first fault queued for this request, if any. KMS faults are taken only by
   * requests that need the key (kms: true), so a METADATA_ONLY describe leaves them queued.
   */
  take(service: ServiceName, operation: string, kms = false): QueuedFault | undefined {
    const fault = this.faults.find((f) => f.operation === operation && (!f.service || f.service === service) && isKmsFault(f.kind) === kms);
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }

  pending(): readonly QueuedFault[] {
    return this.faults;
  }

  clear(): void {
    this.faults = [];
  }
}

export function isKmsFault(kind: FaultKind): kind is KmsFaultKind {
  return (KMS_FAULT_KINDS as readonly string[]).includes(kind);
}

export function parseFaultRequest(body: unknown): FaultRequest | string {
  if (typeof body !== 'object' || body === null) return 'expected a JSON object';
  const f = body as Record<string, unknown>;
  if (typeof f.operation !== 'string' || !f.operation) return 'operation is required';
  if (!FAULT_KINDS.includes(f.kind as FaultKind)) return `kind must be one of ${FAULT_KINDS.join(', ')}`;
  if (f.service !== undefined && !['states', 'imagebuilder', 'airflow', 'airflow-serverless', 'logs', 's3'].includes(f.service as string)) return 'unknown service';
  if (f.count !== undefined && (!Number.isInteger(f.count) || (f.count as number) < 1)) return 'count must be a positive integer';
  if (f.delayMs !== undefined && (typeof f.delayMs !== 'number' || f.delayMs < 0)) return 'delayMs must be a non-negative number';
  return { service: f.service as ServiceName | undefined, operation: f.operation, kind: f.kind as FaultKind, count: f.count as number | undefined, delayMs: f.delayMs as number | undefined };
}
