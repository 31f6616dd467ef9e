import * as assert from 'node:assert/strict';
import { targetFromArgument } from '../../../src/airflow/target';

describe('Open Airflow UI: which environment an argument names', () => {
  it('reads the explorer node (its item), keeping the Airflow version as a hint', () => {
    const node = { id: 'mwaaEnvironment|eu-west-1|EuropeAirflow', item: { kind: 'mwaaEnvironment', name: 'EuropeAirflow', region: 'eu-west-1', status: 'AVAILABLE', airflowVersion: '3.0.6' } };
    assert.deepEqual(targetFromArgument(node), { name: 'EuropeAirflow', region: 'eu-west-1', airflowVersionHint: '3.0.6' });
  });

  it('reads {name, region}, {name}, a node with name and region, and a bare name', () => {
    assert.deepEqual(targetFromArgument({ name: 'DemoAirflow', region: 'us-east-1' }), { name: 'DemoAirflow', region: 'us-east-1' });
    assert.deepEqual(targetFromArgument({ name: 'DemoAirflow' }), { name: 'DemoAirflow', region: undefined });
    assert.deepEqual(targetFromArgument(' DemoAirflow '), { name: 'DemoAirflow' });
  });

  it('asks (undefined) when there is nothing to go on', () => {
    for (const arg of [undefined, null, '', '  ', 42, {}, { name: '' }, { item: {} }]) assert.equal(targetFromArgument(arg), undefined, JSON.stringify(arg));
  });

  it('refuses an explorer node of another kind', () => {
    assert.throws(() => targetFromArgument({ item: { kind: 'stateMachine', name: 'Orders', region: 'us-east-1' } }), /works on MWAA environments; Orders is not one/);
  });
});
