import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entriesForFile, loadManifest, targetsOf } from '../../../src/deploy/engine/targets';

const MANIFEST = `defaults:
  region: eu-west-1
  definitionBucket: artifacts
stateMachines:
  good:
    definition: sm/good.asl.json
    roleArn: arn:aws:iam::123456789012:role/good
  bad:
    definition: sm/bad.asl.json
    roleArn: not-a-role
    region: us-east-2
activities:
  approval: {}
`;

describe('deploy targets from aws-workflows.yaml', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'aws-workflows-targets-'));
    mkdirSync(join(dir, 'sm'));
    writeFileSync(join(dir, 'sm/good.asl.json'), '{}');
    writeFileSync(join(dir, 'sm/bad.asl.json'), '{}');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('puts activities first, resolves regions and definition paths', () => {
    const targets = targetsOf(loadManifest(join(dir, 'aws-workflows.yaml'), MANIFEST, 'ap-south-1'), 'ap-south-1');
    assert.deepEqual(targets.map((t) => [t.kind, t.name, t.region]), [
      ['activity', 'approval', 'eu-west-1'],
      ['stateMachine', 'good', 'eu-west-1'],
      ['stateMachine', 'bad', 'us-east-2'],
    ]);
    assert.equal(targets[1].definitionPath, join(dir, 'sm/good.asl.json'));
    assert.equal(targets[1].definitionRelPath, 'sm/good.asl.json');
  });

  it("gives each entry only its own findings, so one bad entry does not block the others", () => {
    const loaded = loadManifest(join(dir, 'aws-workflows.yaml'), MANIFEST, 'ap-south-1');
    const [, good, bad] = targetsOf(loaded, 'ap-south-1');
    assert.ok(bad.manifestFindings!.some((f) => f.severity === 'error'), 'the bad role ARN is reported on its entry');
    assert.deepEqual(good.manifestFindings!.filter((f) => f.severity === 'error'), []);
  });

  it('finds the entries whose definition is a file', () => {
    const loaded = loadManifest(join(dir, 'aws-workflows.yaml'), MANIFEST, 'ap-south-1');
    assert.deepEqual(entriesForFile(loaded, join(dir, 'sm', '..', 'sm', 'good.asl.json')).map((e) => e.name), ['good']);
    assert.deepEqual(entriesForFile(loaded, join(dir, 'other.json')), []);
  });
});
