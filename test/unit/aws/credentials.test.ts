import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemoryLogger } from '../../../src/core/log';
import { CredentialSource, type AwsCredentials } from '../../../src/aws/credentials';
import { AwsCredentialsError, describeAwsError } from '../../../src/aws/errors';
import { AwsSession } from '../../../src/aws/session';

describe('credentials', () => {
  let dir: string;
  const savedHome = process.env.HOME;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'aws-creds-'));
  });
  afterEach(() => {
    process.env.HOME = savedHome;
    rmSync(dir, { recursive: true, force: true });
  });

  function filesAt(where: string, config: string, credentials: string): NodeJS.ProcessEnv {
    writeFileSync(path.join(where, 'config'), config);
    writeFileSync(path.join(where, 'credentials'), credentials);
    return { HOME: dir, AWS_CONFIG_FILE: path.join(where, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(where, 'credentials') };
  }
  const files = (config: string, credentials: string) => filesAt(dir, config, credentials);

  it('a chosen profile reads its keys from AWS_SHARED_CREDENTIALS_FILE (real SDK provider)', async () => {
    const env = files('[profile dev]\nregion = eu-west-1\n', '[dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = devsecret\n[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = s\n');
    const session = new AwsSession({ logger: new MemoryLogger(), env, settings: () => ({ profile: 'dev' }) });
    const creds = await session.getCredentials();
    assert.equal(creds.accessKeyId, 'AKIADEV');
    assert.equal(await session.getRegion(), 'eu-west-1');
    assert.equal(session.getProfileName(), 'dev');
  });

  it('the default chain honours AWS_PROFILE and environment keys come first without it', async () => {
    const env = files('', '[other]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = o\n');
    const viaProfile = new AwsSession({ logger: new MemoryLogger(), env: { ...env, AWS_PROFILE: 'other', AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 'e' } });
    assert.equal((await viaProfile.getCredentials()).accessKeyId, 'AKIAOTHER');
    const viaEnv = new AwsSession({ logger: new MemoryLogger(), env: { ...env, AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 'e' } });
    assert.equal((await viaEnv.getCredentials()).accessKeyId, 'AKIAENV');
  });

  it('an SSO profile without a valid login says to run aws sso login --profile NAME (real SDK provider)', async () => {
    // The SDK's SSO provider reads ~/.aws/config and ~/.aws/sso/cache through HOME, not our env.
    mkdirSync(path.join(dir, '.aws'));
    const env = filesAt(path.join(dir, '.aws'), 
      '[profile corp]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\nregion = us-east-1\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n',
      '',
    );
    process.env.HOME = dir; // the SDK looks for ~/.aws/sso/cache through HOME
    const logger = new MemoryLogger();
    const session = new AwsSession({ logger, env, settings: () => ({ profile: 'corp' }) });
    const err = await session.getCredentials().catch((e: unknown) => e);
    assert.ok(err instanceof AwsCredentialsError, String(err));
    assert.equal(err.kind, 'sso-expired');
    assert.match(describeAwsError(err, { service: 'states', operation: 'ListStateMachines', region: 'us-east-1' }), /Run `aws sso login --profile corp`/);
  });

  it('an unknown profile gives the fix-it message, not a stack trace', async () => {
    const env = files('', '');
    const session = new AwsSession({ logger: new MemoryLogger(), env, settings: () => ({ profile: 'missing' }) });
    const err = await session.getCredentials().catch((e: unknown) => e);
    assert.ok(err instanceof AwsCredentialsError);
    assert.equal(err.kind, 'credentials-missing');
    assert.match(describeAwsError(err, { service: 'states', operation: 'ListStateMachines' }), /no AWS credentials were found for profile "missing"\. Choose a profile/);
  });

  it('a credential_process profile runs the process', async () => {
    const script = path.join(dir, 'creds.js');
    writeFileSync(script, `process.stdout.write(JSON.stringify({Version:1,AccessKeyId:'AKIAPROC',SecretAccessKey:'p',SessionToken:'t',Expiration:new Date(Date.now()+3600e3).toISOString()}))`);
    const env = files(`[profile tool]\ncredential_process = ${process.execPath} ${script}\n`, '');
    const session = new AwsSession({ logger: new MemoryLogger(), env, settings: () => ({ profile: 'tool' }) });
    const creds = await session.getCredentials();
    assert.equal(creds.accessKeyId, 'AKIAPROC');
    assert.ok(creds.expiration instanceof Date);
  });

  describe('cache', () => {
    function counting(results: (() => AwsCredentials)[]) {
      let calls = 0;
      const provider = async () => results[Math.min(calls++, results.length - 1)]();
      const source = new CredentialSource({
        profile: 'p',
        env: {},
        logger: new MemoryLogger(),
        loadProviders: () => ({ fromIni: () => provider, fromNodeProviderChain: () => provider }) as never,
      });
      return { source, calls: () => calls };
    }

    it('resolves once for concurrent callers and reuses credentials until they near expiry', async () => {
      const later = new Date(Date.now() + 3600_000);
      const { source, calls } = counting([() => ({ accessKeyId: 'A', secretAccessKey: 's', expiration: later })]);
      const [a, b] = await Promise.all([source.get(), source.get()]);
      assert.equal(a, b);
      await source.get();
      assert.equal(calls(), 1);
    });

    it('refreshes credentials that expire within minutes', async () => {
      const soon = new Date(Date.now() + 60_000);
      const { source, calls } = counting([
        () => ({ accessKeyId: 'OLD', secretAccessKey: 's', expiration: soon }),
        () => ({ accessKeyId: 'NEW', secretAccessKey: 's', expiration: new Date(Date.now() + 3600_000) }),
      ]);
      assert.equal((await source.get()).accessKeyId, 'OLD');
      assert.equal((await source.get()).accessKeyId, 'NEW');
      assert.equal(calls(), 2);
    });

    it('does not cache failures', async () => {
      let fail = true;
      const provider = async () => {
        if (fail) throw new Error('Could not load credentials from any providers');
        return { accessKeyId: 'A', secretAccessKey: 's' };
      };
      const source = new CredentialSource({ env: {}, logger: new MemoryLogger(), loadProviders: () => ({ fromIni: () => provider, fromNodeProviderChain: () => provider }) as never });
      await assert.rejects(source.get(), AwsCredentialsError);
      fail = false;
      assert.equal((await source.get()).accessKeyId, 'A');
    });
  });
});
