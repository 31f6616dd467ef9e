// The Image Builder images model through the real AwsSession and SDK against the emulator (demo
// seed), and its pure parts: labels, the reason check from the model, the confirmation text.
import * as assert from 'node:assert/strict';
import { AwsActionError } from '../../../src/aws/errors';
import { AwsSession } from '../../../src/aws/session';
import { silentLogger } from '../../../src/core/log';
import { listState, pollFirstPage } from '../../../src/core/runs/polling';
import { confirmation, ImageBuilderRuns, parsedJson, reasonProblem, workflowLabel } from '../../../src/explorer/model/imageBuilderRuns';
import { PagedList } from '../../../src/explorer/model/pagedList';
import { emulatorEnv } from '../../emulator/deploy/support';
import { startEmulator, type RunningEmulator } from '../../emulator/server';

describe('Image Builder images model against the emulator (demo seed)', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let session: AwsSession;
  let runs: ImageBuilderRuns;

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 'demo', quiet: true });
    session = new AwsSession({ logger: silentLogger, env: emulatorEnv(emulator), retry: { maxAttempts: 1 } });
    runs = new ImageBuilderRuns(session, 'us-east-1');
  });
  after(async () => {
    session?.dispose();
    await emulator?.stop();
  });

  it('lists images page by page, a build with its executions in order, and their steps', async () => {
    const images = new PagedList((token) => runs.listImages(1, token));
    await images.loadUntil(() => false);
    assert.deepEqual(images.items.map((i) => i.name), ['approval-image 1.0.0', 'demo-image 1.0.0']);
    const [build] = (await runs.listBuilds(images.items[1], 25)).items;
    assert.equal(build.name, 'demo-image 1.0.0/1');
    assert.equal(build.status, 'AVAILABLE');
    assert.equal(build.amis.length, 1);
    const executions = (await runs.listExecutions(build.arn, 25)).items;
    assert.deepEqual(executions.map((e) => [e.name, e.type, e.status, e.succeeded, e.totalSteps]), [
      ['demo-build 1.0.0/1', 'BUILD', 'COMPLETED', 3, 3],
      ['demo-test 1.0.0/1', 'TEST', 'COMPLETED', 2, 2],
    ]);
    const steps = (await runs.listSteps(executions[0], 25)).items;
    assert.deepEqual(steps.map((s) => [s.name, s.action, s.status, s.waiting]), [
      ['LaunchBuildInstance', 'LaunchInstance', 'COMPLETED', false],
      ['CreateOutputAMI', 'CreateImage', 'COMPLETED', false],
      ['TerminateBuildInstance', 'TerminateInstance', 'COMPLETED', false],
    ]);
    assert.deepEqual(parsedJson(steps[0].inputs), { waitFor: 'ssmAgent' });
  });

  it('finds the waiting step in the account-wide list with what it waits for, resumes it, and says in plain words why a second action or an unknown step fails', async () => {
    let waiting = (await runs.listWaiting(25)).items;
    for (let i = 0; i < 100 && waiting.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      waiting = (await runs.listWaiting(25)).items;
    }
    assert.equal(waiting.length, 1);
    const [step] = waiting;
    assert.equal(step.name, 'ApproveBuildInstance');
    assert.equal(step.waiting, true);
    const details = await runs.getStep(step.stepId);
    assert.equal(details.description, 'Check the build instance, then resume to make the AMI or stop to discard it.');

    await runs.sendAction(step, 'RESUME', 'checked', 'unit-resume-1');
    const again = await runs.sendAction(step, 'STOP', undefined, 'unit-stop-1').then(
      () => assert.fail('a second action was accepted'),
      (err: unknown) => err,
    );
    assert.ok(again instanceof AwsActionError);
    assert.match(again.message, /^EC2 Image Builder SendWorkflowStepAction for ApproveBuildInstance in us-east-1 failed: the step ApproveBuildInstance is no longer waiting for an action \(it was resumed, stopped or timed out\), so it cannot be stopped; refresh to see its status \(AWS said: .*already received RESUME\)\.$/);

    const gone = await runs.sendAction({ ...step, stepId: 'step-00000000-0000-0000-0000-000000000000' }, 'RESUME', undefined, 'unit-resume-2').then(
      () => assert.fail('an unknown step was accepted'),
      (err: unknown) => err as Error,
    );
    assert.match(gone.message, /failed: the step ApproveBuildInstance no longer exists; refresh the image build/);
  });

  it('names the IAM action when access is denied', async () => {
    await fetch(`${emulator.controlUrl}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ service: 'imagebuilder', operation: 'ListWorkflowExecutions', kind: 'accessDenied' }) });
    const denied = await runs.listExecutions('arn:aws:imagebuilder:us-east-1:000000000000:image/demo-image/1.0.0/1', 25).then(
      () => assert.fail('denied call succeeded'),
      (err: unknown) => err as Error,
    );
    assert.match(denied.message, /access denied\..*imagebuilder:ListWorkflowExecutions/);
  });
});

describe('Image Builder images model (pure)', () => {
  it('labels workflows and checks the reason against the model (1 to 1024 characters, optional)', () => {
    assert.equal(workflowLabel('arn:aws:imagebuilder:us-east-1:000000000000:workflow/build/demo-build/1.0.0/1'), 'demo-build 1.0.0/1');
    assert.equal(reasonProblem(''), undefined);
    assert.equal(reasonProblem('ok'), undefined);
    assert.match(reasonProblem('x'.repeat(1025)) ?? '', /1 to 1024 characters \(it has 1025\)/);
  });

  it('the confirmation says what the step waits for and what each action does', () => {
    const step = { name: 'Approve', imageArn: 'arn:aws:imagebuilder:us-east-1:000000000000:image/app/1.0.0/2', description: 'Check the instance.', message: 'Waiting for an action.', startedAt: new Date('2026-11-30T10:00:00Z') };
    const resume = confirmation(step, 'RESUME', 'checked');
    assert.equal(resume.message, 'Resume the step Approve of app 1.0.0/2?');
    assert.match(resume.detail, /Approve is waiting for an action since 2026-11-30 10:00 UTC\.\nWhat it waits for: Check the instance\.\nImage Builder says: Waiting for an action\.\nResume completes this step/);
    assert.match(resume.detail, /Reason: checked$/);
    assert.match(confirmation(step, 'STOP', '').detail, /Stop fails this step; its onFailure setting decides/);
  });

  it('a polled list reports a key over its statuses and whether anything still moves', async () => {
    const active = (s: string | undefined) => s === 'RUNNING';
    assert.deepEqual(listState([{ id: 'a', s: 'RUNNING' }, { id: 'b', s: 'COMPLETED' }], (i) => i.s, active), { key: 'a=RUNNING\nb=COMPLETED', running: true });
    let items = [{ id: 'a', s: 'RUNNING' }];
    let redraws = 0;
    const listing = { reset: () => (items = [{ id: 'a', s: 'COMPLETED' }]), list: { ensureFirstPage: async () => undefined, get items() { return items; } } };
    assert.deepEqual(await pollFirstPage(listing, () => redraws++, (i) => i.s, active), { key: 'a=COMPLETED', running: false });
    assert.equal(redraws, 1);
  });
});
