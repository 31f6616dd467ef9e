// Image Builder workflow executions over the real SDK and HTTP: seeded image builds whose workflow
// steps move on the scaled clock, a WaitForAction step that waits for SendWorkflowStepAction
// (RESUME completes the build; STOP fails the step and rolls back), and the model's errors.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  GetWorkflowExecutionCommand,
  GetWorkflowStepExecutionCommand,
  ListImageBuildVersionsCommand,
  ListImagesCommand,
  ListWaitingWorkflowStepsCommand,
  ListWorkflowExecutionsCommand,
  ListWorkflowStepExecutionsCommand,
  SendWorkflowStepActionCommand,
  type ImagebuilderClient,
} from '@aws-sdk/client-imagebuilder';
import type { RunningEmulator } from './server';
import { clients, control, rejection, startTestEmulator } from './testSupport';

const SEED = `
regions:
  us-east-1:
    imageBuilderWorkflows:
      - name: plain
        version: 1.0.0
        type: BUILD
        data: |
          name: plain
          schemaVersion: 1.0
          steps:
            - { name: Launch, action: LaunchInstance, onFailure: Abort, inputs: { waitFor: ssmAgent } }
            - { name: MakeAmi, action: CreateImage, onFailure: Abort }
      - name: checks
        version: 1.0.0
        type: TEST
        data: |
          name: checks
          schemaVersion: 1.0
          steps:
            - { name: RunTests, action: RunCommand, onFailure: Abort }
      - name: gated
        version: 1.0.0
        type: BUILD
        data: |
          name: gated
          schemaVersion: 1.0
          steps:
            - { name: Launch, action: LaunchInstance, onFailure: Abort }
            - { name: Approve, action: WaitForAction, description: Look at the instance first., onFailure: Abort }
            - { name: MakeAmi, action: CreateImage, onFailure: Abort }
            - { name: Cleanup, action: TerminateInstance, onFailure: Continue }
    imageBuilderImages:
      - { name: done-image, version: 1.0.0, workflows: [{ name: plain }, { name: checks }], startedMinutesAgo: 60 }
      - { name: resume-image, version: 1.0.0, workflows: [{ name: gated }], stepSeconds: 0.05 }
      - { name: stop-image, version: 1.0.0, workflows: [{ name: gated }], stepSeconds: 0.05 }
`;

const ARN = 'arn:aws:imagebuilder:us-east-1:000000000000:image';

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('emulator: Image Builder workflow executions', () => {
  let emulator: RunningEmulator;
  let ib: ImagebuilderClient;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ib-seed-'));
    writeFileSync(path.join(dir, 'seed.yaml'), SEED);
    emulator = await startTestEmulator({ seed: path.join(dir, 'seed.yaml') });
    ({ imagebuilder: ib } = clients(emulator));
  });
  after(async () => {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const waitingStep = (image: string) =>
    eventually(
      () => ib.send(new ListWaitingWorkflowStepsCommand({})),
      (out) => !!out.steps?.some((s) => s.imageBuildVersionArn === `${ARN}/${image}/1.0.0/1`),
      `${image} to wait`,
    ).then((out) => out.steps!.find((s) => s.imageBuildVersionArn === `${ARN}/${image}/1.0.0/1`)!);

  it('lists images and build versions, a finished build\'s executions in order with counts, and their steps with inputs and outputs', async () => {
    const listed = await ib.send(new ListImagesCommand({ owner: 'Self' }));
    assert.deepEqual(listed.imageVersionList?.map((i) => i.arn), [`${ARN}/done-image/1.0.0`, `${ARN}/resume-image/1.0.0`, `${ARN}/stop-image/1.0.0`]);
    const builds = await ib.send(new ListImageBuildVersionsCommand({ imageVersionArn: `${ARN}/done-image/1.0.0` }));
    assert.equal(builds.imageSummaryList?.length, 1);
    assert.equal(builds.imageSummaryList?.[0].state?.status, 'AVAILABLE');
    assert.match(builds.imageSummaryList?.[0].outputResources?.amis?.[0].image ?? '', /^ami-[0-9a-f]+$/);

    const executions = await ib.send(new ListWorkflowExecutionsCommand({ imageBuildVersionArn: `${ARN}/done-image/1.0.0/1` }));
    assert.deepEqual(executions.workflowExecutions?.map((e) => [e.type, e.status, e.totalStepCount, e.totalStepsSucceeded, e.totalStepsFailed]), [
      ['BUILD', 'COMPLETED', 2, 2, 0],
      ['TEST', 'COMPLETED', 1, 1, 0],
    ]);
    const [build, test] = executions.workflowExecutions!;
    assert.match(build.workflowExecutionId!, /^wf-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(build.workflowBuildVersionArn, 'arn:aws:imagebuilder:us-east-1:000000000000:workflow/build/plain/1.0.0/1');
    assert.ok(new Date(build.endTime!) <= new Date(test.startTime!), 'the test workflow starts after the build workflow ends');

    const steps = await ib.send(new ListWorkflowStepExecutionsCommand({ workflowExecutionId: build.workflowExecutionId }));
    assert.deepEqual(steps.steps?.map((s) => [s.name, s.action, s.status]), [['Launch', 'LaunchInstance', 'COMPLETED'], ['MakeAmi', 'CreateImage', 'COMPLETED']]);
    assert.deepEqual(JSON.parse(steps.steps![0].inputs!), { waitFor: 'ssmAgent' });
    assert.match(JSON.parse(steps.steps![0].outputs!).instanceId, /^i-/);
    assert.equal(steps.imageBuildVersionArn, `${ARN}/done-image/1.0.0/1`);

    const got = await ib.send(new GetWorkflowExecutionCommand({ workflowExecutionId: test.workflowExecutionId }));
    assert.equal(got.status, 'COMPLETED');
    assert.equal(got.type, 'TEST');
    const step = await ib.send(new GetWorkflowStepExecutionCommand({ stepExecutionId: steps.steps![1].stepExecutionId }));
    assert.equal(step.name, 'MakeAmi');
    assert.equal(step.onFailure, 'Abort');
    assert.match(JSON.parse(step.outputs!).imageId, /^ami-/);
  });

  it('pages executions by token (maxResults 1) and refuses a token from another listing', async () => {
    const first = await ib.send(new ListWorkflowExecutionsCommand({ imageBuildVersionArn: `${ARN}/done-image/1.0.0/1`, maxResults: 1 }));
    assert.equal(first.workflowExecutions?.length, 1);
    assert.ok(first.nextToken);
    const second = await ib.send(new ListWorkflowExecutionsCommand({ imageBuildVersionArn: `${ARN}/done-image/1.0.0/1`, maxResults: 1, nextToken: first.nextToken }));
    assert.equal(second.workflowExecutions?.[0].type, 'TEST');
    assert.equal(second.nextToken, undefined);
    const wrong = await rejection(() => ib.send(new ListWaitingWorkflowStepsCommand({ nextToken: first.nextToken })));
    assert.equal(wrong.name, 'InvalidPaginationTokenException');
  });

  it('waits on WaitForAction until RESUME, replays the same client token, refuses a second action, then completes the build', async () => {
    const waiting = await waitingStep('resume-image');
    assert.equal(waiting.name, 'Approve');
    assert.equal(waiting.action, 'WaitForAction');
    const before = await ib.send(new GetWorkflowExecutionCommand({ workflowExecutionId: waiting.workflowExecutionId }));
    assert.equal(before.status, 'RUNNING');
    const building = await ib.send(new ListImageBuildVersionsCommand({ imageVersionArn: `${ARN}/resume-image/1.0.0` }));
    assert.equal(building.imageSummaryList?.[0].state?.status, 'BUILDING');

    const input = { stepExecutionId: waiting.stepExecutionId, imageBuildVersionArn: waiting.imageBuildVersionArn, action: 'RESUME' as const, reason: 'looks good', clientToken: 'resume-1' };
    const sent = await ib.send(new SendWorkflowStepActionCommand(input));
    assert.deepEqual([sent.stepExecutionId, sent.imageBuildVersionArn, sent.clientToken], [waiting.stepExecutionId, waiting.imageBuildVersionArn, 'resume-1']);
    const replay = await ib.send(new SendWorkflowStepActionCommand(input));
    assert.equal(replay.stepExecutionId, waiting.stepExecutionId);
    const mismatch = await rejection(() => ib.send(new SendWorkflowStepActionCommand({ ...input, action: 'STOP' })));
    assert.equal(mismatch.name, 'IdempotentParameterMismatchException');
    const again = await rejection(() => ib.send(new SendWorkflowStepActionCommand({ ...input, clientToken: 'resume-2' })));
    assert.equal(again.name, 'InvalidRequestException');
    assert.match(again.message, /not waiting for an action: it already received RESUME/);

    const done = await eventually(() => ib.send(new GetWorkflowExecutionCommand({ workflowExecutionId: waiting.workflowExecutionId })), (e) => e.status === 'COMPLETED', 'the execution to complete');
    assert.deepEqual([done.totalStepCount, done.totalStepsSucceeded, done.totalStepsFailed], [4, 4, 0]);
    const step = await ib.send(new GetWorkflowStepExecutionCommand({ stepExecutionId: waiting.stepExecutionId }));
    assert.equal(step.status, 'COMPLETED');
    assert.equal(step.message, 'Resumed by SendWorkflowStepAction: looks good');
    const built = await ib.send(new ListImageBuildVersionsCommand({ imageVersionArn: `${ARN}/resume-image/1.0.0` }));
    assert.equal(built.imageSummaryList?.[0].state?.status, 'AVAILABLE');
    const left = await ib.send(new ListWaitingWorkflowStepsCommand({}));
    assert.ok(!left.steps?.some((s) => s.stepExecutionId === waiting.stepExecutionId));
  });

  it('STOP fails the step, cancels the rest and rolls back what the build created; the image fails', async () => {
    const waiting = await waitingStep('stop-image');
    await ib.send(new SendWorkflowStepActionCommand({ stepExecutionId: waiting.stepExecutionId, imageBuildVersionArn: waiting.imageBuildVersionArn, action: 'STOP', reason: 'wrong AMI', clientToken: 'stop-1' }));
    const ended = await eventually(
      () => ib.send(new GetWorkflowExecutionCommand({ workflowExecutionId: waiting.workflowExecutionId })),
      (e) => e.status === 'ROLLBACK_COMPLETED',
      'the rollback to complete',
    );
    assert.equal(ended.message, "Workflow step 'Approve' failed: Stopped by SendWorkflowStepAction: wrong AMI");
    assert.ok(ended.endTime);
    const steps = await ib.send(new ListWorkflowStepExecutionsCommand({ workflowExecutionId: waiting.workflowExecutionId }));
    assert.deepEqual(steps.steps?.map((s) => [s.name, s.status, s.rollbackStatus]), [
      ['Launch', 'COMPLETED', 'COMPLETED'],
      ['Approve', 'FAILED', undefined],
      ['MakeAmi', 'CANCELLED', undefined],
      ['Cleanup', 'CANCELLED', undefined],
    ]);
    const image = await ib.send(new ListImageBuildVersionsCommand({ imageVersionArn: `${ARN}/stop-image/1.0.0` }));
    assert.equal(image.imageSummaryList?.[0].state?.status, 'FAILED');
    assert.match(image.imageSummaryList?.[0].state?.reason ?? '', /Approve/);
  });

  it('answers the model\'s errors: unknown step, a step of another image, a step that is not waiting, unknown ids, and constraints', async () => {
    const missingStep = 'step-00000000-0000-0000-0000-000000000000';
    const notFound = await rejection(() => ib.send(new SendWorkflowStepActionCommand({ stepExecutionId: missingStep, imageBuildVersionArn: `${ARN}/done-image/1.0.0/1`, action: 'RESUME' })));
    assert.equal(notFound.name, 'ResourceNotFoundException');
    assert.equal(notFound.$metadata?.httpStatusCode, 404);

    const done = await ib.send(new ListWorkflowExecutionsCommand({ imageBuildVersionArn: `${ARN}/done-image/1.0.0/1` }));
    const steps = await ib.send(new ListWorkflowStepExecutionsCommand({ workflowExecutionId: done.workflowExecutions![0].workflowExecutionId }));
    const launch = steps.steps![0].stepExecutionId!;
    const otherImage = await rejection(() => ib.send(new SendWorkflowStepActionCommand({ stepExecutionId: launch, imageBuildVersionArn: `${ARN}/stop-image/1.0.0/1`, action: 'RESUME' })));
    assert.equal(otherImage.name, 'InvalidParameterValueException');
    const notWaiting = await rejection(() => ib.send(new SendWorkflowStepActionCommand({ stepExecutionId: launch, imageBuildVersionArn: `${ARN}/done-image/1.0.0/1`, action: 'RESUME' })));
    assert.equal(notWaiting.name, 'InvalidRequestException');
    assert.match(notWaiting.message, /is a LaunchInstance step, not a WaitForAction step/);

    const noImage = await rejection(() => ib.send(new ListWorkflowExecutionsCommand({ imageBuildVersionArn: `${ARN}/nothing/1.0.0/1` })));
    assert.equal(noImage.name, 'InvalidRequestException');
    const noExecution = await rejection(() => ib.send(new GetWorkflowExecutionCommand({ workflowExecutionId: 'wf-00000000-0000-0000-0000-000000000000' })));
    assert.equal(noExecution.name, 'InvalidRequestException');
    const badId = await rejection(() => ib.send(new GetWorkflowExecutionCommand({ workflowExecutionId: 'exec-1' })));
    assert.equal(badId.name, 'InvalidParameterValueException');
    const emptyReason = await rejection(() => ib.send(new SendWorkflowStepActionCommand({ stepExecutionId: launch, imageBuildVersionArn: `${ARN}/done-image/1.0.0/1`, action: 'RESUME', reason: '' })));
    assert.equal(emptyReason.name, 'InvalidParameterValueException');
    const tooMany = await rejection(() => ib.send(new ListWaitingWorkflowStepsCommand({ maxResults: 26 })));
    assert.equal(tooMany.name, 'InvalidParameterValueException');
  });

  it('an access-denied fault names imagebuilder:SendWorkflowStepAction', async () => {
    await control(emulator, 'POST', '/faults', { service: 'imagebuilder', operation: 'SendWorkflowStepAction', kind: 'accessDenied' });
    const denied = await rejection(() => ib.send(new SendWorkflowStepActionCommand({ stepExecutionId: 'step-00000000-0000-0000-0000-000000000000', imageBuildVersionArn: `${ARN}/done-image/1.0.0/1`, action: 'STOP' })));
    assert.equal(denied.name, 'AccessDeniedException');
    assert.match(denied.message, /imagebuilder:SendWorkflowStepAction/);
  });
});
