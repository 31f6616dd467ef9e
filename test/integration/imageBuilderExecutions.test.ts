// Image Builder images in the explorer, inside the real extension host against the emulator's demo
// seed: images, build versions, workflow executions and their steps (paged), execution and step
// details, the steps waiting for an action, Resume and Stop followed to the end by the poller, and
// the failures each as one sentence.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import { configure, control, explorerTree, label, type ExplorerTree } from './support/tree';

let tree: ExplorerTree;

const description = (node: ExplorerNode) => String(node.getTreeItem().description ?? '');
const contextValue = (node: ExplorerNode) => String(node.getTreeItem().contextValue ?? '');
const IMAGES = 'Image Builder images';

type StepNode = ExplorerNode & {
  item: { stepId: string; name: string; imageArn: string };
  runs: { sendAction(step: unknown, action: 'RESUME' | 'STOP', reason: string | undefined, token: string): Promise<void> };
};

type SentAction = { action?: string; reason?: string; stepExecutionId?: string; imageBuildVersionArn?: string; clientToken?: string };

async function sentActions(): Promise<SentAction[]> {
  const requests = (await control('requests')) as { operation?: string; status?: number; body?: SentAction }[];
  return requests.filter((r) => r.operation === 'SendWorkflowStepAction' && r.status === 200).map((r) => r.body ?? {});
}

/** Reads the tree until `done` holds: no refresh from the test, the explorer's poller redraws. */
async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The approval image's one execution, and its steps once the build has reached ApproveBuildInstance. */
async function waitingExecution(): Promise<{ execution: ExplorerNode; steps: ExplorerNode[] }> {
  const build = await tree.path('us-east-1', IMAGES, 'approval-image 1.0.0', 'approval-image 1.0.0/1');
  const [execution] = await tree.children(build);
  const steps = await eventually(() => tree.children(execution), (s) => /waiting for an action/.test(description(s[1] ?? execution)), 'the build to reach its WaitForAction step');
  return { execution, steps };
}

describe('Image Builder workflow executions in the explorer (in the extension host, against the emulator)', function () {
  this.timeout(120_000);

  before(async () => {
    await control('reset', { seed: 'demo' });
    tree = await explorerTree();
    await vscode.commands.executeCommand('awsWorkflows.resources.focus');
    await tree.fresh(50, ['us-east-1']);
  });

  after(async () => {
    await configure('explorer.pageSize', undefined);
    await configure('regions', undefined);
  });

  it('lists images (paged), a finished build with its workflow executions, their steps, and the details of each', async () => {
    await tree.fresh(1, ['us-east-1']);
    let images = await tree.children(await tree.path('us-east-1', IMAGES));
    assert.deepEqual(images.map(label), ['Waiting for an action', 'approval-image 1.0.0', 'Load more…']);
    await vscode.commands.executeCommand('awsWorkflows.explorer.loadMore', images[2]);
    images = await tree.children(await tree.path('us-east-1', IMAGES));
    assert.deepEqual(images.map(label), ['Waiting for an action', 'approval-image 1.0.0', 'demo-image 1.0.0']);
    await tree.fresh(50, ['us-east-1']);

    const [build] = await tree.children(await tree.path('us-east-1', IMAGES, 'demo-image 1.0.0'));
    assert.equal(label(build), 'demo-image 1.0.0/1');
    assert.equal(description(build), 'AVAILABLE');
    const executions = await tree.children(build);
    assert.deepEqual(executions.map(label), ['demo-build 1.0.0/1', 'demo-test 1.0.0/1']);
    assert.match(description(executions[0]), /^BUILD · COMPLETED · 3\/3 steps · \d{4}-\d\d-\d\d \d\d:\d\d UTC · [\d.]+ s$/);
    assert.match(contextValue(executions[0]), /\bawsWorkflowsWorkflowExecution\b/);
    const steps = await tree.children(executions[1]);
    assert.deepEqual(steps.map((s) => `${label(s)}: ${description(s).replace(/ · [\d.]+ m?s$/, '')}`), ['LaunchTestInstance: LaunchInstance · COMPLETED', 'RunTests: RunCommand · COMPLETED']);
    assert.doesNotMatch(contextValue(steps[0]), /\bwaitingStep\b/, 'a finished step offers no Resume/Stop');

    const execution = (await vscode.commands.executeCommand('awsWorkflows.explorer.showWorkflowExecution', executions[1])) as { uri: string; text: string };
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), execution.uri);
    const shownExecution = JSON.parse(execution.text) as { type: string; status: string; totalStepsSucceeded: number; imageBuildVersionArn: string };
    assert.deepEqual([shownExecution.type, shownExecution.status, shownExecution.totalStepsSucceeded], ['TEST', 'COMPLETED', 2]);
    assert.equal(shownExecution.imageBuildVersionArn, 'arn:aws:imagebuilder:us-east-1:000000000000:image/demo-image/1.0.0/1');

    assert.equal(steps[1].getTreeItem().command?.command, 'awsWorkflows.explorer.showWorkflowStep');
    const step = (await vscode.commands.executeCommand('awsWorkflows.explorer.showWorkflowStep', steps[1])) as { text: string };
    const shownStep = JSON.parse(step.text) as { name: string; onFailure: string; inputs: { documentName: string } };
    assert.equal(shownStep.name, 'RunTests');
    assert.equal(shownStep.onFailure, 'Abort');
    assert.equal(shownStep.inputs.documentName, 'AWS-RunShellScript', 'inputs are shown as JSON, not as a string of JSON');
  });

  it('shows the waiting step in its execution and under "Waiting for an action", with Resume and Stop', async () => {
    const { steps } = await waitingExecution();
    assert.deepEqual(steps.map(label), ['LaunchBuildInstance', 'ApproveBuildInstance', 'CreateOutputAMI', 'TerminateBuildInstance']);
    assert.match(contextValue(steps[1]), /\bwaitingStep\b/);
    assert.equal(description(steps[2]), 'CreateImage · PENDING');
    tree.api.provider.refresh(await tree.path('us-east-1', IMAGES));
    const waiting = await tree.children(await tree.path('us-east-1', IMAGES, 'Waiting for an action'));
    assert.deepEqual(waiting.map(label), ['ApproveBuildInstance']);
    assert.match(description(waiting[0]), /^approval-image 1\.0\.0\/1 · demo-approval 1\.0\.0\/1 · since /);
    assert.match(contextValue(waiting[0]), /\bwaitingStep\b/);
  });

  it('Resume sends RESUME with the reason; the execution and the build complete without a manual refresh', async () => {
    const { execution, steps } = await waitingExecution();
    const done = await vscode.commands.executeCommand('awsWorkflows.explorer.resumeWorkflowStep', steps[1], { reason: 'checked the instance', confirmed: true });
    assert.equal(done, 'Resumed ApproveBuildInstance of approval-image 1.0.0/1.');
    const sent = (await sentActions()).at(-1);
    assert.deepEqual([sent?.action, sent?.reason, sent?.stepExecutionId, sent?.imageBuildVersionArn], ['RESUME', 'checked the instance', (steps[1] as StepNode).item.stepId, (steps[1] as StepNode).item.imageArn]);
    assert.match(sent?.clientToken ?? '', /^[0-9a-f-]{36}$/, 'a fresh client token per decision');
    const finished = await eventually(() => tree.children(execution), (s) => s.every((x) => /COMPLETED/.test(description(x))), 'every step to complete');
    assert.match(description(finished[1]), /^WaitForAction · COMPLETED/);
    await eventually(async () => description(execution), (d) => /^BUILD · COMPLETED · 4\/4 steps/.test(d), 'the execution to complete');
    // Read as the view does: the image version's poll lists its builds again and the view asks for them.
    const build = () => tree.path('us-east-1', IMAGES, 'approval-image 1.0.0', 'approval-image 1.0.0/1');
    await eventually(async () => description(await build()), (d) => d === 'AVAILABLE', 'the build to become AVAILABLE');
    const waiting = await tree.children(await tree.path('us-east-1', IMAGES, 'Waiting for an action'));
    assert.deepEqual(waiting.map(label), ['No steps waiting for an action in us-east-1']);

    // The step no longer waits: the command reads it first and sends nothing.
    const before = (await sentActions()).length;
    assert.equal(await vscode.commands.executeCommand('awsWorkflows.explorer.stopWorkflowStep', finished[1], { reason: '', confirmed: true }), undefined);
    assert.equal((await sentActions()).length, before);
    // Sent anyway, Image Builder's InvalidRequestException reads in plain words.
    const node = finished[1] as StepNode;
    const refused = await node.runs.sendAction(node.item, 'STOP', undefined, 'in-host-stop-late').then(() => undefined, (e: Error) => e);
    assert.match(String(refused?.message), /failed: the step ApproveBuildInstance is no longer waiting for an action \(it was resumed, stopped or timed out\), so it cannot be stopped; refresh to see its status/);
  });

  it('Stop from the waiting list fails the step; the build rolls back and fails', async () => {
    await control('reset', { seed: 'demo' });
    tree.api.provider.refresh();
    const list = await tree.path('us-east-1', IMAGES, 'Waiting for an action');
    const waiting = await eventually(
      async () => {
        tree.api.provider.refresh(list);
        return tree.children(list);
      },
      (w) => w.length > 0 && label(w[0]) === 'ApproveBuildInstance',
      'the step to wait again',
    );
    await vscode.commands.executeCommand('awsWorkflows.explorer.stopWorkflowStep', waiting[0], { reason: 'wrong base image', confirmed: true });
    assert.deepEqual((await sentActions()).map((a) => [a.action, a.reason]), [['STOP', 'wrong base image']]);
    const build = await tree.path('us-east-1', IMAGES, 'approval-image 1.0.0', 'approval-image 1.0.0/1');
    const [execution] = await tree.children(build);
    await tree.children(execution);
    await eventually(async () => description(execution), (d) => /ROLLBACK_COMPLETED/.test(d), 'the rollback to complete');
    const steps = await tree.children(execution);
    assert.deepEqual(steps.map((s) => description(s).replace(/ · [\d.]+ m?s$/, '')), [
      'LaunchInstance · COMPLETED · rollback COMPLETED',
      'WaitForAction · FAILED',
      'CreateImage · CANCELLED',
      'TerminateInstance · CANCELLED',
    ]);
    const failed = await eventually(() => tree.path('us-east-1', IMAGES, 'approval-image 1.0.0', 'approval-image 1.0.0/1'), (b) => description(b) === 'FAILED', 'the build to fail');
    assert.match(String(failed.getTreeItem().tooltip), /^Status: FAILED — Workflow step 'ApproveBuildInstance' failed: Stopped by SendWorkflowStepAction: wrong base image$/m);
  });

  it('says in one sentence: access denied naming the IAM action, and an execution that no longer exists', async () => {
    await control('faults', { service: 'imagebuilder', operation: 'ListWorkflowExecutions', count: 1, kind: 'accessDenied' });
    const build = await tree.path('us-east-1', IMAGES, 'demo-image 1.0.0', 'demo-image 1.0.0/1');
    tree.api.provider.refresh(build);
    const denied = await tree.children(build);
    assert.equal(denied.length, 1);
    assert.match(label(denied[0]), /^Could not list workflow executions of demo-image 1\.0\.0\/1 — .*access denied.*IAM permission imagebuilder:ListWorkflowExecutions/);
    await vscode.commands.executeCommand('awsWorkflows.explorer.retry', denied[0]);
    const executions = await tree.children(build);
    assert.equal(executions.length, 2, 'retry recovers');

    await control('faults', { service: 'imagebuilder', operation: 'SendWorkflowStepAction', count: 1, kind: 'accessDenied' });
    const step = (await tree.children(executions[0]))[0] as StepNode;
    const refused = await step.runs.sendAction(step.item, 'RESUME', undefined, 'in-host-denied').then(() => undefined, (e: Error) => e);
    assert.match(String(refused?.message), /access denied\..*IAM permission imagebuilder:SendWorkflowStepAction/);

    // The emulator starts again: the build runs anew with new execution ids, so the old one is gone.
    await control('reset', { seed: 'demo' });
    tree.api.provider.refresh(executions[0]);
    const gone = await tree.children(executions[0]);
    assert.match(label(gone[0]), /^Could not list steps of demo-build 1\.0\.0\/1 — EC2 Image Builder ListWorkflowStepExecutions for wf-\S+ in us-east-1 failed: the workflow execution wf-\S+ no longer exists; refresh the image build/);
  });
});
