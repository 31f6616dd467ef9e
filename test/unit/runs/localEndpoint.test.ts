// Run Locally's endpoint check: a local emulator's address passes; AWS's own hosts, other schemes and
// addresses with credentials or queries are refused with the sentence the user sees.
import * as assert from 'node:assert/strict';
import { checkEndpoint } from '../../../src/core/runs/localEndpoint';

const SETTING = 'awsWorkflows.emulatorEndpoint';

describe('Run Locally endpoint check', () => {
  it('takes a local address, without its trailing slash', () => {
    assert.deepEqual(checkEndpoint('http://localhost:4566/', SETTING), { url: 'http://localhost:4566' });
    assert.deepEqual(checkEndpoint('http://127.0.0.1:39211', SETTING), { url: 'http://127.0.0.1:39211' });
    assert.deepEqual(checkEndpoint('https://emulator.internal:8443/base/', SETTING), { url: 'https://emulator.internal:8443/base' });
  });

  it("refuses AWS's own hosts, in every partition and with a trailing dot", () => {
    for (const host of ['states.us-east-1.amazonaws.com', 'states.cn-north-1.amazonaws.com.cn', 'states.us-east-1.api.aws', 'STATES.eu-west-1.AMAZONAWS.COM.', 'amazonaws.com']) {
      const r = checkEndpoint(`https://${host}`, SETTING);
      assert.ok('problem' in r, host);
      assert.match(r.problem, /names an AWS host .*only sends to a local emulator/);
    }
    // A name that merely contains the words is not AWS.
    assert.ok('url' in checkEndpoint('http://notamazonaws.com.example:4566', SETTING));
  });

  it('refuses what is not a plain http(s) address', () => {
    const problem = (v: string) => {
      const r = checkEndpoint(v, SETTING);
      return 'problem' in r ? r.problem : undefined;
    };
    assert.match(problem('localhost:4566') ?? '', /must be an http:\/\/ or https:\/\/ URL|is not a URL/);
    assert.match(problem('not a url') ?? '', /is not a URL; set it to the emulator's address/);
    assert.match(problem('file:///tmp/x') ?? '', /must be an http:\/\/ or https:\/\/ URL, not file:/);
    assert.match(problem('http://user:pw@localhost:4566') ?? '', /without credentials, query or fragment/);
    assert.match(problem('http://localhost:4566/?x=1') ?? '', /without credentials, query or fragment/);
  });
});
