// Names taken from a definition file's name: the stem its mock/test files share and the name Deploy
// proposes, which Start Execution looks the deployed state machine up by.
import * as assert from 'node:assert/strict';
import { definitionStem, deployNameOf } from '../../src/core/names';

describe('definition file names', () => {
  it('strips .asl.json / .asl.yaml / .json / .yml and the folder (either separator)', () => {
    assert.equal(definitionStem('/w/flows/order-pipeline.asl.yaml'), 'order-pipeline');
    assert.equal(definitionStem('C:\\w\\order.ASL.JSON'), 'order');
    assert.equal(definitionStem('dag.yml'), 'dag');
    assert.equal(definitionStem('notes.txt'), 'notes.txt');
  });

  it('proposes a deploy name with characters outside [A-Za-z0-9_.-] turned into -', () => {
    assert.equal(deployNameOf('/w/my flow.asl.json'), 'my-flow');
    assert.equal(deployNameOf('/w/a  b+c.asl.yaml'), 'a-b-c');
    assert.equal(deployNameOf('/w/order_v2.1.json'), 'order_v2.1');
  });
});
