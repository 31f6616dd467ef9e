import * as assert from 'node:assert/strict';
import { decideOpen, environmentDescription, type EnvironmentSummary } from '../../../src/core/airflow/decisions';

const env = (over: Partial<EnvironmentSummary> = {}): EnvironmentSummary => ({
  name: 'Prod',
  region: 'eu-west-1',
  status: 'AVAILABLE',
  airflowVersion: '2.10.3',
  webserverAccessMode: 'PUBLIC_ONLY',
  ...over,
});

describe('Airflow UI: what to ask before opening', () => {
  it('opens an AVAILABLE environment with a public web server without asking', () => {
    assert.deepEqual(decideOpen(env()), { kind: 'open' });
    assert.deepEqual(decideOpen(env({ webserverAccessMode: 'PUBLIC_AND_PRIVATE' })), { kind: 'open' });
  });

  it('asks with "Try Anyway" for every status other than AVAILABLE, naming environment, region and why', () => {
    const why: Record<string, RegExp> = {
      CREATING: /still being created/,
      CREATE_FAILED: /CREATE_FAILED/,
      UPDATING: /being updated/,
      DELETING: /being deleted/,
      DELETED: /is deleted/,
      UNAVAILABLE: /UNAVAILABLE/,
      UPDATE_FAILED: /UPDATE_FAILED/,
      ROLLING_BACK: /rolling back/,
      CREATING_SNAPSHOT: /creating a snapshot/,
      PENDING: /pending/,
      MAINTENANCE: /in maintenance/,
      SOMETHING_NEW: /SOMETHING_NEW, not AVAILABLE/,
    };
    for (const [status, reason] of Object.entries(why)) {
      const d = decideOpen(env({ status }));
      assert.equal(d.kind, 'confirm', status);
      if (d.kind !== 'confirm') continue;
      assert.equal(d.confirm, 'Try Anyway');
      assert.match(d.message, /^MWAA environment Prod in eu-west-1 is /, status);
      assert.match(d.message, reason, status);
      assert.doesNotMatch(d.message, /VPC/);
    }
  });

  it('warns that a PRIVATE_ONLY web server opens only from inside the VPC', () => {
    const d = decideOpen(env({ webserverAccessMode: 'PRIVATE_ONLY' }));
    assert.deepEqual(d, {
      kind: 'confirm',
      confirm: 'Open Anyway',
      message: "Prod's web server is private (PRIVATE_ONLY): the Airflow UI opens only from inside the environment's VPC, e.g. over a VPN or through a bastion host.",
    });
  });

  it('names both reasons in one question when a private environment is not AVAILABLE', () => {
    const d = decideOpen(env({ status: 'MAINTENANCE', webserverAccessMode: 'PRIVATE_ONLY' }));
    assert.equal(d.kind, 'confirm');
    if (d.kind !== 'confirm') return;
    assert.equal(d.confirm, 'Try Anyway');
    assert.match(d.message, /in maintenance.*PRIVATE_ONLY/);
  });

  it('does not ask when the status could not be read (no airflow:GetEnvironment)', () => {
    assert.deepEqual(decideOpen({ name: 'Prod', region: 'eu-west-1' }), { kind: 'open' });
  });

  it('describes an environment for the picker', () => {
    assert.equal(environmentDescription(env()), 'AVAILABLE · Airflow 2.10.3');
    assert.equal(environmentDescription(env({ webserverAccessMode: 'PRIVATE_ONLY', status: 'UPDATING' })), 'UPDATING · Airflow 2.10.3 · private web server');
    assert.equal(environmentDescription({ name: 'x', region: 'r' }), '');
  });
});
