import assert from 'node:assert/strict';
import { parseManifest } from '../../../src/core/manifest';
import { addManifestEntry } from '../../../src/deploy/engine/manifestEdit';

const EXISTING = `# Project workflows — keep this comment
defaults:
  region: eu-west-1   # the team's home region
  definitionBucket: my-artifacts

stateMachines:
  # the main pipeline
  order-pipeline:
    definition: statemachines/order.asl.yaml
    roleArn: "arn:aws:iam::123456789012:role/order-pipeline"   # quoted on purpose
    encryption: { type: AWS_OWNED_KEY }

# Activities used by the pipeline
activities:
  manual-approval: { encryption: { type: AWS_OWNED_KEY } }
`;

describe('deploy: saving wizard answers into aws-workflows.yaml', () => {
  it('adds a state machine under stateMachines and keeps every existing line as written', () => {
    const after = addManifestEntry(EXISTING, {
      kind: 'stateMachine',
      name: 'refunds',
      spec: { definition: 'statemachines/refunds.asl.json', roleArn: 'arn:aws:iam::123456789012:role/refunds', type: 'STANDARD', encryption: { type: 'AWS_OWNED_KEY' } },
    });
    const inserted = `  refunds:
    definition: statemachines/refunds.asl.json
    roleArn: arn:aws:iam::123456789012:role/refunds
    type: STANDARD
    encryption:
      type: AWS_OWNED_KEY
`;
    // Right after the section's last entry, before the blank line that separates sections.
    const at = EXISTING.indexOf('\n\n# Activities') + 1;
    assert.equal(after, EXISTING.slice(0, at) + inserted + EXISTING.slice(at));
    const parsed = parseManifest(after);
    assert.deepEqual(parsed.manifest.stateMachines.map((e) => e.name), ['order-pipeline', 'refunds']);
    assert.equal(parsed.manifest.stateMachines[1].spec.type, 'STANDARD');
  });

  it('appends a missing section at the end, after the original text unchanged', () => {
    const after = addManifestEntry(EXISTING, { kind: 'imageBuilderWorkflow', name: 'hardened-build', spec: { definition: 'ib/build.yaml', type: 'BUILD', version: '1.0.0' } });
    assert.ok(after.startsWith(EXISTING));
    assert.equal(after.slice(EXISTING.length), `\nimageBuilderWorkflows:\n  hardened-build:\n    definition: ib/build.yaml\n    type: BUILD\n    version: 1.0.0\n`);
    assert.equal(parseManifest(after).manifest.imageBuilderWorkflows[0].spec.version, '1.0.0');
  });

  it('creates the file content when there is none, leaving out unanswered fields', () => {
    const after = addManifestEntry(undefined, { kind: 'airflowWorkflow', name: 'etl', spec: { definition: 'dags/etl.yaml', roleArn: 'arn:aws:iam::123456789012:role/x', logGroup: undefined } });
    assert.equal(after, 'airflowWorkflows:\n  etl:\n    definition: dags/etl.yaml\n    roleArn: arn:aws:iam::123456789012:role/x\n');
  });

  it('refuses a name the section already has, and a file with a syntax error', () => {
    assert.throws(() => addManifestEntry(EXISTING, { kind: 'stateMachine', name: 'order-pipeline', spec: {} }), /already has an entry named order-pipeline/);
    assert.throws(() => addManifestEntry('stateMachines: [\n', { kind: 'stateMachine', name: 'x', spec: {} }), /syntax error/);
  });

  it('adds to a flow-style section and keeps the comments elsewhere', () => {
    const text = '# top\nstateMachines: {}\n# bottom\n';
    const after = addManifestEntry(text, { kind: 'stateMachine', name: 'a', spec: { definition: 'a.asl.json' } });
    assert.match(after, /^# top\n/);
    assert.match(after, /# bottom/);
    assert.equal(parseManifest(after).manifest.stateMachines[0].spec.definition, 'a.asl.json');
  });
});
