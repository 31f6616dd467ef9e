// Names derived from a definition file's name: the stem its mock, test and exported files share, and
// the resource name Deploy proposes for it (which Start Execution and Run Locally look up).

/** `order-pipeline.asl.yaml` → `order-pipeline`: the stem the mock and test files share. */
export function definitionStem(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  return base.replace(/\.asl\.(json|ya?ml)$/i, '').replace(/\.(json|ya?ml)$/i, '');
}

/** `my flow.asl.json` → `my-flow`: the name Deploy proposes (characters AWS names refuse become `-`). */
export function deployNameOf(fileName: string): string {
  return definitionStem(fileName).replace(/[^A-Za-z0-9_.-]+/g, '-');
}
