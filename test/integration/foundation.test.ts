// Wiring checks inside the real extension host: the manifest's promises are kept at runtime.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activationRecord } from '../host-runner/state';

const EXTENSION_ID = 'workflows-for-aws.workflows-for-aws';

interface Manifest {
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    configuration: { properties: Record<string, { default?: unknown }> } | { properties: Record<string, { default?: unknown }> }[];
  };
}

function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in the extension host`);
  return ext;
}

function manifest(): Manifest {
  return extension().packageJSON as Manifest;
}

describe('foundation (in the extension host)', () => {
  it('activates without error', async () => {
    const record = activationRecord();
    assert.equal(record.error, undefined);
    await extension().activate();
    assert.equal(extension().isActive, true);
  });

  it('registers every command the manifest contributes', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = manifest().contributes.commands.map((c) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('contributes the resources view, which the workbench can focus', async () => {
    const views = Object.values(manifest().contributes.views).flat().map((v) => v.id);
    assert.ok(views.includes('awsWorkflows.resources'));
    // The workbench makes a `<view>.focus` command for every registered view.
    await vscode.commands.executeCommand('awsWorkflows.resources.focus');
  });

  it('knows every configuration key the manifest contributes', () => {
    const sections = manifest().contributes.configuration;
    const keys = (Array.isArray(sections) ? sections : [sections]).flatMap((s) => Object.keys(s.properties ?? {}));
    const config = vscode.workspace.getConfiguration();
    const unknown = keys.filter((key) => config.inspect(key) === undefined);
    assert.deepEqual(unknown, [], `settings the workbench does not know: ${unknown.join(', ')}`);
  });

  it('loads no AWS SDK module at activation', () => {
    const modules = activationRecord().modulesAfterActivation;
    assert.ok(modules, 'the runner recorded no module list');
    // Proves the list is the host's own: our bundle is in it.
    assert.ok(
      modules.some((m) => m.endsWith(`${'dist'}/extension.js`)),
      'dist/extension.js is not among the loaded modules; the check below would prove nothing',
    );
    const sdk = modules.filter((m) => m.includes('@aws-sdk') || m.includes('/dist/sdk/') || m.includes('\\dist\\sdk\\'));
    assert.deepEqual(sdk, [], `activation loaded AWS SDK code: ${sdk.slice(0, 5).join(', ')}`);
  });

  it('runs the Show Log command', async () => {
    await vscode.commands.executeCommand('awsWorkflows.showLog');
  });
});
