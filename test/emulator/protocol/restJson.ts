// restJson1 routing and request binding: each operation's `http.method` and `requestUri`
// (labels, greedy labels, literal query keys) from the model, members bound from the URI,
// query string, headers and JSON body.
import type { Operation, ServiceModel, Shape } from './model';

interface Segment {
  literal?: string;
  label?: string;
  greedy?: boolean;
}

export interface Route {
  operation: string;
  method: string;
  segments: Segment[];
  /** Query keys that are part of the URI (e.g. `?versioning`). */
  queryLiterals: string[];
}

export function buildRoutes(model: ServiceModel): Route[] {
  const routes = Object.entries(model.operations).map(([operation, op]: [string, Operation]) => {
    const [pathPart, queryPart] = op.http.requestUri.split('?');
    const segments = pathPart
      .split('/')
      .filter(Boolean)
      .map((s): Segment => {
        const m = /^\{([^}+]+)(\+)?\}$/.exec(s);
        return m ? { label: m[1], greedy: !!m[2] } : { literal: s };
      });
    const queryLiterals = queryPart ? queryPart.split('&').map((q) => q.split('=')[0]) : [];
    return { operation, method: op.http.method, segments, queryLiterals };
  });
  // Most specific first: more literal segments, then more literal query keys.
  const literals = (r: Route) => r.segments.filter((s) => s.literal).length;
  return routes.sort((a, b) => literals(b) - literals(a) || b.queryLiterals.length - a.queryLiterals.length);
}

export function matchRoute(routes: Route[], method: string, rawPath: string, query: Record<string, unknown>): { route: Route; labels: Record<string, string> } | undefined {
  const parts = rawPath.split('/').filter(Boolean);
  for (const route of routes) {
    if (route.method !== method || !route.queryLiterals.every((q) => q in query)) continue;
    const labels: Record<string, string> = {};
    let ok = true;
    let i = 0;
    for (const seg of route.segments) {
      if (seg.greedy) {
        if (i >= parts.length) ok = false;
        labels[seg.label!] = parts.slice(i).map(decode).join('/');
        i = parts.length;
        break;
      }
      const part = parts[i++];
      if (part === undefined) {
        ok = false;
        break;
      }
      if (seg.literal !== undefined ? seg.literal !== part : false) {
        ok = false;
        break;
      }
      if (seg.label) labels[seg.label] = decode(part);
    }
    if (ok && i === parts.length) return { route, labels };
  }
  return undefined;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Binds the operation's input members from labels, query, headers and the JSON body. */
export function bindInput(
  model: ServiceModel,
  shapeName: string | undefined,
  labels: Record<string, string>,
  query: Record<string, string | string[]>,
  headers: Record<string, string | string[] | undefined>,
  body: Record<string, unknown>,
): Record<string, unknown> {
  if (!shapeName) return {};
  const shape = model.shapes[shapeName];
  const input: Record<string, unknown> = {};
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const target = model.shapes[ref.shape];
    const key = ref.locationName ?? name;
    let value: unknown;
    switch (ref.location) {
      case 'uri':
        value = labels[key];
        break;
      case 'querystring': {
        const raw = query[key];
        value = raw === undefined ? undefined : target.type === 'list' ? (Array.isArray(raw) ? raw : [raw]) : Array.isArray(raw) ? raw[0] : raw;
        break;
      }
      case 'header': {
        const raw = headers[key.toLowerCase()];
        value = Array.isArray(raw) ? raw.join(',') : raw;
        break;
      }
      case 'headers':
      case 'statusCode':
        continue;
      default:
        value = body[name];
    }
    if (value !== undefined) input[name] = ref.location ? coerce(target, value) : value;
  }
  return input;
}

/** Values from the URI, query string and headers arrive as text. */
function coerce(shape: Shape, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  switch (shape.type) {
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    default:
      return value;
  }
}
