// The trimmed service models written by scripts/generate-emulator-models.mjs.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface MemberRef {
  shape: string;
  location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';
  locationName?: string;
  idempotencyToken?: boolean;
}

export interface Shape {
  type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'float' | 'double' | 'boolean' | 'timestamp' | 'blob';
  required?: string[];
  members?: Record<string, MemberRef>;
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  pattern?: string;
  min?: number;
  max?: number;
  enum?: string[];
  timestampFormat?: 'iso8601' | 'unixTimestamp' | 'rfc822';
  sensitive?: boolean;
  document?: boolean;
  exception?: boolean;
  httpStatusCode?: number;
}

export interface Operation {
  http: { method: string; requestUri: string; responseCode?: number };
  input?: string;
  output?: string;
  errors: string[];
}

export interface ServiceModel {
  metadata: { protocol: 'json' | 'rest-json'; targetPrefix?: string; jsonVersion?: string; signingName: string; serviceId: string };
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

export type ModelId = 'stepfunctions' | 'imagebuilder' | 'mwaa' | 'mwaa-serverless' | 'logs';

const cache = new Map<ModelId, ServiceModel>();

export function loadModel(id: ModelId): ServiceModel {
  let model = cache.get(id);
  if (!model) {
    model = JSON.parse(readFileSync(path.join(__dirname, '..', 'models', `${id}.json`), 'utf8')) as ServiceModel;
    cache.set(id, model);
  }
  return model;
}

const patternCache = new Map<string, RegExp>();

/** Model patterns are whole-value matches, as the services apply them. */
export function compilePattern(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    try {
      re = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      re = new RegExp(`^(?:${pattern})$`);
    }
    patternCache.set(pattern, re);
  }
  return re;
}
