// Reads esbuild's metafile (scripts/build.mjs --metafile) of the split build: which outputs an entry
// point loads with it (its static chunk imports), so the SDK's shared core is counted once.

/** Outputs an output loads synchronously with itself (static imports of chunks, transitively). */
export function staticClosure(meta, output) {
  const seen = new Set([output]);
  const queue = [output];
  while (queue.length) {
    for (const imp of meta.outputs[queue.shift()]?.imports ?? []) {
      if (imp.external || imp.kind === 'dynamic-import' || seen.has(imp.path)) continue;
      seen.add(imp.path);
      queue.push(imp.path);
    }
  }
  return seen;
}

/** Bytes per SDK entry point (with the chunks it loads) and of all SDK code together. */
export function sdkBytes(meta) {
  const entries = Object.keys(meta.outputs).filter((o) => /\/sdk\/[^/]+\.js$/.test(o)).sort();
  const all = new Set();
  const perEntry = entries.map((entry) => {
    const closure = staticClosure(meta, entry);
    for (const o of closure) all.add(o);
    return { entry, bytes: [...closure].reduce((n, o) => n + meta.outputs[o].bytes, 0) };
  });
  return { perEntry, total: [...all].reduce((n, o) => n + meta.outputs[o].bytes, 0) };
}
