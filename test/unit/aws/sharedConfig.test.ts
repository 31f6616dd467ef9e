import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listProfiles, sharedConfigPaths } from '../../../src/aws/sharedConfig';
import { sharedConfigFrom } from '../../support/sharedConfig';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
const CONFIG = `
# comment
[default]
region = eu-west-1
output = json

[profile dev]
region=us-west-2 ; inline comment
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Dev

[profile ops]
role_arn = arn:aws:iam::111122223333:role/Ops
source_profile = default

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1

[services local]
sfn =
  endpoint_url = http://localhost:4566
mwaa_serverless =
  endpoint_url = http://localhost:4567

[profile local]
services = local
endpoint_url = http://localhost:9999

[stray]
region = ap-south-1

[profile tool]
credential_process = /usr/local/bin/creds --json
`;

const CREDENTIALS = `
[default]
aws_access_key_id = AKIAEXAMPLE
aws_secret_access_key = secret

[ci]
aws_access_key_id = AKIACI
aws_secret_access_key = secret2
region = ca-central-1
`;

describe('shared config files (read by the SDK\'s loadSharedConfigFiles)', () => {
  it('lists profiles from both files: [profile x] and [default] in config, every section in credentials', async () => {
    const names = listProfiles(await sharedConfigFrom(CONFIG, CREDENTIALS)).map((p) => p.name);
    assert.deepEqual(names, ['default', 'ci', 'dev', 'local', 'ops', 'tool']);
  });

  it('never lists sso-session or services sections, nor a bare [name] of the config file', async () => {
    const cfg = await sharedConfigFrom(CONFIG);
    const names = listProfiles(cfg).map((p) => p.name);
    for (const name of ['corp', 'sso-session corp', 'sso-session.corp', 'services local', 'services.local', 'stray']) assert.ok(!names.includes(name), name);
    assert.equal(cfg.sections['sso-session corp'].sso_start_url, 'https://corp.awsapps.com/start');
  });

  it('says where each profile comes from, its region and how it gets credentials', async () => {
    const byName = Object.fromEntries(listProfiles(await sharedConfigFrom(CONFIG, CREDENTIALS)).map((p) => [p.name, p]));
    assert.deepEqual(byName.default.sources, ['config', 'credentials']);
    assert.equal(byName.default.kind, 'static');
    assert.equal(byName.default.region, 'eu-west-1');
    assert.deepEqual(byName.ci.sources, ['credentials']);
    assert.equal(byName.ci.region, 'ca-central-1');
    assert.equal(byName.dev.kind, 'sso');
    assert.equal(byName.dev.ssoSession, 'corp');
    assert.equal(byName.dev.region, 'us-west-2', 'inline comments are stripped');
    assert.equal(byName.ops.kind, 'role');
    assert.equal(byName.tool.kind, 'process');
  });

  it('handles empty and missing files', async () => {
    assert.deepEqual(listProfiles(await sharedConfigFrom('', '')), []);
    assert.deepEqual(listProfiles(await sharedConfigFrom('[sso-session only]\nsso_region = us-east-1\n')), []);
  });

  it('keeps services sub-sections as dotted keys', async () => {
    const cfg = await sharedConfigFrom(CONFIG);
    assert.equal(cfg.sections['services local']['sfn.endpoint_url'], 'http://localhost:4566');
    assert.equal(cfg.sections['services local']['mwaa_serverless.endpoint_url'], 'http://localhost:4567');
    assert.equal(cfg.profiles.local.services, 'local');
  });

  it('lets the credentials file win for the same key, as the SDK does', async () => {
    const cfg = await sharedConfigFrom('[profile a]\nregion = us-east-1\naws_access_key_id = FROMCONFIG\n', '[a]\naws_access_key_id = FROMCREDS\n');
    assert.equal(cfg.profiles.a.aws_access_key_id, 'FROMCREDS');
    assert.equal(cfg.profiles.a.region, 'us-east-1');
  });

  it('agrees with the SDK clients\' reader on [profile default] vs [default], key case and odd headers', async () => {
    const config = '[default]\nregion = us-west-2\n[profile default]\nregion = eu-west-1\n[ profile  dev ]\nregion = eu-central-1\n[profile Up]\nRegion = ap-south-1\n';
    const dir = mkdtempSync(path.join(tmpdir(), 'aws-config-'));
    try {
      writeFileSync(path.join(dir, 'config'), config);
      const sdk = await loadSharedConfigFiles({ configFilepath: path.join(dir, 'config'), filepath: path.join(dir, 'none'), ignoreCache: true });
      const ours = await sharedConfigFrom(config);
      assert.deepEqual(Object.keys(ours.profiles).sort(), Object.keys(sdk.configFile).sort());
      for (const name of Object.keys(sdk.configFile)) assert.deepEqual(ours.profiles[name], sdk.configFile[name], name);
      assert.equal(ours.profiles.default.region, 'eu-west-1', '[profile default] wins, as in the SDK');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds the files through AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, else under HOME', () => {
    assert.deepEqual(sharedConfigPaths({ HOME: '/home/u' }), { configFile: '/home/u/.aws/config', credentialsFile: '/home/u/.aws/credentials' });
    assert.deepEqual(sharedConfigPaths({ HOME: '/home/u', AWS_CONFIG_FILE: '/etc/aws.cfg', AWS_SHARED_CREDENTIALS_FILE: '~/creds' }), {
      configFile: '/etc/aws.cfg',
      credentialsFile: '/home/u/creds',
    });
  });
});
