// Renders an operation's output by walking its output shape: timestamps in the format the
// protocol and shape ask for, members outside the shape dropped.
import type { ServiceModel } from './model';

/** Emulator state keeps timestamps as ISO-8601 strings; awsJson/restJson send epoch seconds by default. */
export function serializeOutput(model: ServiceModel, shapeName: string | undefined, value: unknown): unknown {
  if (!shapeName) return {};
  const walk = (name: string, v: unknown): unknown => {
    const shape = model.shapes[name];
    if (v === undefined || v === null || !shape) return undefined;
    switch (shape.type) {
      case 'structure': {
        if (shape.document || typeof v !== 'object') return v;
        const out: Record<string, unknown> = {};
        for (const [m, ref] of Object.entries(shape.members ?? {})) {
          if (ref.location) continue; // headers/status travel outside the body
          const rendered = walk(ref.shape, (v as Record<string, unknown>)[m]);
          if (rendered !== undefined) out[m] = rendered;
        }
        return out;
      }
      case 'list':
        return Array.isArray(v) ? v.map((item) => walk(shape.member!.shape, item)) : undefined;
      case 'map':
        return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, item]) => [k, walk(shape.value!.shape, item)]));
      case 'timestamp': {
        const date = v instanceof Date ? v : new Date(typeof v === 'number' ? v * 1000 : String(v));
        return shape.timestampFormat === 'iso8601' ? date.toISOString() : date.getTime() / 1000;
      }
      default:
        return v;
    }
  };
  return walk(shapeName, value) ?? {};
}
