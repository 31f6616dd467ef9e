import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AWS_FACTS } from '../../../src/core/facts/aws.generated';
import { ENTRY_FIELDS, SECTIONS } from '../../../src/core/manifest/fields';
import { REFERENCE_DIR } from '../../support/reference';

const root = join(__dirname, '..', '..', '..');

describe('generated facts and schema', () => {
  (REFERENCE_DIR ? it : it.skip)('src/core/facts/aws.generated.ts matches the service models (against ../shared/reference)', async () => {
    const { loadFacts } = (await import('../../../scripts/lib/aws-facts.mjs')) as { loadFacts(): { facts: unknown } };
    assert.deepEqual(JSON.parse(JSON.stringify(AWS_FACTS)), JSON.parse(JSON.stringify(loadFacts().facts)), 'run npm run generate');
  });

  it('the facts carry the limits the rules rely on', () => {
    assert.deepEqual([AWS_FACTS.sfn.stateMachineName.min, AWS_FACTS.sfn.stateMachineName.max], [1, 80]);
    assert.deepEqual(AWS_FACTS.sfn.encryptionType, ['AWS_OWNED_KEY', 'CUSTOMER_MANAGED_KMS_KEY']);
    assert.deepEqual(AWS_FACTS.mwaaServerless.encryptionType, ['AWS_MANAGED_KEY', 'CUSTOMER_MANAGED_KEY']);
    assert.deepEqual(AWS_FACTS.sfn.kmsDataKeyReusePeriodSeconds, { min: 60, max: 900 });
    assert.equal(AWS_FACTS.imagebuilder.semanticVersion.nodeMax, 1073741823);
    assert.ok(new RegExp(AWS_FACTS.sfn.stateMachineName.forbiddenPattern, 'u').test('\u0085'));
  });

  (REFERENCE_DIR ? it : it.skip)('src/core/cfn/facts.generated.ts matches the CloudFormation registry and SAM schemas (against ../shared/reference)', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'generate-cfn-facts.mjs'), '--check', '--reference', REFERENCE_DIR!], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr || r.stdout);
  });

  it('schemas/aws-workflows.schema.json is what the field table produces', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'generate-manifest-schema.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr || r.stdout);
  });

  it('the schema has every field, with the models\' patterns and enums', () => {
    const schema = JSON.parse(readFileSync(join(root, 'schemas', 'aws-workflows.schema.json'), 'utf8'));
    for (const s of SECTIONS) {
      const props = schema.properties[s.section].additionalProperties.properties;
      assert.deepEqual(Object.keys(props).sort(), Object.keys(ENTRY_FIELDS[s.kind]).sort(), s.section);
    }
    const ib = schema.properties.imageBuilderWorkflows;
    assert.equal(ib.additionalProperties.properties.version.pattern, AWS_FACTS.imagebuilder.semanticVersion.pattern);
    assert.equal(ib.propertyNames.pattern, AWS_FACTS.imagebuilder.workflowName.pattern);
    assert.deepEqual(schema.properties.stateMachines.additionalProperties.properties.encryption.properties.type.enum, AWS_FACTS.sfn.encryptionType);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.ok(pkg.contributes.yamlValidation.some((v: { url: string; fileMatch: string[] }) => v.url === './schemas/aws-workflows.schema.json' && v.fileMatch.includes('aws-workflows.yaml')));
  });
});
