// Diagnostics wiring in the real extension host: problems appear with the engine's ranges, quick fixes
// apply, closing clears, the manifest follows its definition files, settings change severities.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { lintText } from '../../src/core/lint';

const EXTENSION_ID = 'workflows-for-aws.workflows-for-aws';
const SOURCE = 'AWS Workflows';

function fixturesFolder(): vscode.Uri {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in the extension host`);
  return vscode.Uri.file(path.join(ext.extensionPath, 'test', 'fixtures', 'vscode', 'diagnostics'));
}

function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace has no folder');
  return folder.uri;
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

/** Resolves when our diagnostics for `uri` satisfy `ok`; checks now, then on every change. */
function waitForDiagnostics(uri: vscode.Uri, ok: (ds: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 15_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const ds = ours(uri);
      if (!ok(ds)) return false;
      cleanup();
      resolve(ds);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out waiting for ${what} on ${path.basename(uri.path)}; now: ${JSON.stringify(ours(uri).map((d) => [codeOf(d), d.message]))}`));
    }, timeoutMs);
    const cleanup = () => {
      subscription.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

const withCode = (code: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === code);
const withoutCode = (code: string) => (ds: vscode.Diagnostic[]) => ds.length > 0 && !ds.some((d) => codeOf(d) === code);

async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('diagnostics (in the extension host)', function () {
  this.timeout(60_000);
  let folder: vscode.Uri;
  let manifestUri: vscode.Uri;
  let ordersUri: vscode.Uri;

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    folder = vscode.Uri.joinPath(workspaceFolder(), 'diagnostics-it');
    // A fresh copy per run: the quick-fix tests edit these files.
    await vscode.workspace.fs.copy(fixturesFolder(), folder, { overwrite: true });
    manifestUri = vscode.Uri.joinPath(folder, 'aws-workflows.yaml');
    ordersUri = vscode.Uri.joinPath(folder, 'flows', 'orders.asl.json');
  });

  after(async () => {
    await closeAll();
    await vscode.workspace.fs.delete(folder, { recursive: true });
  });

  it('shows the manifest problems with the engine’s codes, ranges and severities, and a link to the rule', async () => {
    const doc = await vscode.workspace.openTextDocument(manifestUri);
    await vscode.window.showTextDocument(doc);
    const ds = await waitForDiagnostics(manifestUri, (d) => withCode('kms/missing-key')(d) && withCode('kms/stray-key')(d), 'the KMS problems');
    const expected = lintText({ fileName: manifestUri.fsPath, text: doc.getText(), context: { fileExists: () => true } }).findings;
    assert.deepEqual(
      ds.map((d) => [codeOf(d), d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]).sort(),
      expected.map((f) => [f.code, f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character]).sort(),
    );
    const missingKey = ds.find((d) => codeOf(d) === 'kms/missing-key')!;
    // The value of `type:` under the first entry's encryption, found independently of the engine.
    const line = doc.lineAt(missingKey.range.start.line).text;
    assert.equal(doc.getText(missingKey.range), 'CUSTOMER_MANAGED_KMS_KEY');
    assert.match(line, /^\s+type: CUSTOMER_MANAGED_KMS_KEY$/);
    assert.equal(missingKey.severity, vscode.DiagnosticSeverity.Error);
    // The code links to its README entry once the README documents it; until then it is plain text.
    const readme = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'README.md');
    const documented = existsSync(readme) && readFileSync(readme, 'utf8').includes('`kms/missing-key`');
    if (documented) {
      assert.ok(typeof missingKey.code === 'object' && missingKey.code.target.path.endsWith('/README.md'));
      assert.match(missingKey.code.target.fragment, /^L\d+$/);
    } else {
      assert.equal(missingKey.code, 'kms/missing-key');
    }
  });

  it('applies a quick fix, and the diagnostic goes away', async () => {
    const doc = await vscode.workspace.openTextDocument(manifestUri);
    const [stray] = (await waitForDiagnostics(manifestUri, withCode('kms/stray-key'), 'kms/stray-key')).filter((d) => codeOf(d) === 'kms/stray-key');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', manifestUri, stray.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Remove kmsDataKeyReusePeriodSeconds');
    assert.ok(fix?.edit, `no quick fix; got ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.doesNotMatch(doc.getText(), /kmsDataKeyReusePeriodSeconds/);
    await waitForDiagnostics(manifestUri, withoutCode('kms/stray-key'), 'kms/stray-key to disappear');
  });

  it('lints a definition named by the manifest, with related information and a preferred "did you mean" fix', async () => {
    const doc = await vscode.workspace.openTextDocument(ordersUri);
    await vscode.window.showTextDocument(doc);
    const [unknown] = (await waitForDiagnostics(ordersUri, withCode('asl/unknown-state'), 'asl/unknown-state')).filter((d) => codeOf(d) === 'asl/unknown-state');
    assert.equal(doc.getText(unknown.range), '"Shipp"');
    const duplicate = ours(ordersUri).find((d) => codeOf(d) === 'parse/duplicate-key');
    assert.ok(duplicate?.relatedInformation?.length, 'the duplicate key points at the first one');
    assert.equal(doc.getText(duplicate.relatedInformation[0].location.range), '"Comment"');
    assert.ok(duplicate.relatedInformation[0].location.range.start.isBefore(duplicate.range.start));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', ordersUri, unknown.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix?.edit, 'no preferred fix');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(), /"Next": "Ship"/);
    await waitForDiagnostics(ordersUri, (ds) => !ds.some((d) => codeOf(d) === 'asl/unknown-state'), 'asl/unknown-state to disappear');
  });

  it('re-checks the manifest when a definition file is deleted or created', async () => {
    const refunds = vscode.Uri.joinPath(folder, 'flows', 'refunds.asl.json');
    const text = await vscode.workspace.fs.readFile(refunds);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(manifestUri));
    const before = ours(manifestUri).length;
    await vscode.workspace.fs.delete(refunds);
    const missing = await waitForDiagnostics(manifestUri, (ds) => ds.length > before, 'a problem for the deleted definition');
    const added = missing.filter((d) => /refunds\.asl\.json/.test(d.message) || doc(manifestUri, d) === 'flows/refunds.asl.json');
    assert.ok(added.length > 0, `no diagnostic names the deleted file: ${missing.map((d) => d.message).join(' | ')}`);
    // Put back as a user does in VS Code (explorer, undo): a workspace edit, which VS Code reports at once.
    const restore = new vscode.WorkspaceEdit();
    restore.createFile(refunds, { contents: text });
    assert.ok(await vscode.workspace.applyEdit(restore), 'the workspace edit that re-creates the file was refused');
    await waitForDiagnostics(manifestUri, (ds) => ds.length === before, 'the problem to go once the file is back');
  });

  it('follows awsWorkflows.diagnostics.severity: a code set to "off" disappears, "warning" downgrades', async () => {
    const config = vscode.workspace.getConfiguration('awsWorkflows.diagnostics');
    try {
      await config.update('severity', { 'kms/missing-key': 'warning' }, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(manifestUri, (ds) => ds.some((d) => codeOf(d) === 'kms/missing-key' && d.severity === vscode.DiagnosticSeverity.Warning), 'kms/missing-key as a warning');
      await config.update('severity', { 'kms/*': 'off' }, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(manifestUri, (ds) => !ds.some((d) => codeOf(d)?.startsWith('kms/')), 'kms/* to be hidden');
    } finally {
      await config.update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(manifestUri, withCode('kms/missing-key'), 'kms/missing-key back');
  });

  it('hovers and completes through the registered providers', async () => {
    const doc = await vscode.workspace.openTextDocument(manifestUri);
    const typeLine = doc.getText().split('\n').findIndex((l) => /^\s+type: CUSTOMER_MANAGED_KMS_KEY/.test(l));
    const keyAt = new vscode.Position(typeLine, doc.lineAt(typeLine).firstNonWhitespaceCharacterIndex + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', manifestUri, keyAt);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /AWS_OWNED_KEY/);
    const valueAt = new vscode.Position(typeLine, doc.lineAt(typeLine).text.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', manifestUri, valueAt);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('AWS_OWNED_KEY') && labels.includes('CUSTOMER_MANAGED_KMS_KEY'), labels.slice(0, 20).join(', '));
  });

  it('checks a large definition (over 200 KB, in the worker) and reports a problem at its end', async () => {
    const states: string[] = [];
    for (let i = 0; i < 1500; i++) states.push(`    "S${i}": { "Type": "Pass", "Result": { "padding": "${'x'.repeat(100)}" }, "Next": "S${i + 1}" }`);
    states.push('    "S1500": { "Type": "Pass", "Next": "Nowhere" }');
    const text = `{\n  "StartAt": "S0",\n  "States": {\n${states.join(',\n')}\n  }\n}\n`;
    assert.ok(text.length > 200_000);
    const big = vscode.Uri.joinPath(folder, 'big.asl.json');
    await vscode.workspace.fs.writeFile(big, new TextEncoder().encode(text));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(big));
    const ds = await waitForDiagnostics(big, withCode('asl/unknown-state'), 'asl/unknown-state in the large file', 30_000);
    assert.equal(ds.find((d) => codeOf(d) === 'asl/unknown-state')!.range.start.line, 1503);
  });

  it('clears a document’s problems when it is closed', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(manifestUri));
    await waitForDiagnostics(manifestUri, (ds) => ds.length > 0, 'problems before closing');
    await closeAll();
    await waitForDiagnostics(manifestUri, (ds) => ds.length === 0, 'no problems after closing');
    assert.deepEqual(ours(ordersUri), []);
  });
});

/** The text a diagnostic covers in a document, if that document is open. */
function doc(uri: vscode.Uri, d: vscode.Diagnostic): string | undefined {
  return vscode.workspace.textDocuments.find((t) => t.uri.toString() === uri.toString())?.getText(d.range);
}

describe('CloudFormation and SAM templates (in the extension host)', function () {
  this.timeout(60_000);
  let folder: vscode.Uri;
  let templateUri: vscode.Uri;
  let definitionUri: vscode.Uri;
  const template = [
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  Orders:',
    '    Type: AWS::Serverless::StateMachine',
    '    Properties:',
    '      DefinitionUri: statemachine/orders.asl.json',
    '      DefinitionSubstitutions:',
    '        TableName: orders',
    '        ModelId: claude',
    '',
  ].join('\n');
  const definition = '{\n  "StartAt": "Get",\n  "States": {\n    "Get": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem",\n      "Parameters": {"TableName": "${TableName}", "Key": "${KeyName}"}, "End": true}\n  }\n}\n';

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    folder = vscode.Uri.joinPath(workspaceFolder(), 'templates-it');
    templateUri = vscode.Uri.joinPath(folder, 'template.yaml');
    definitionUri = vscode.Uri.joinPath(folder, 'statemachine', 'orders.asl.json');
    await vscode.workspace.fs.writeFile(templateUri, new TextEncoder().encode(template));
    await vscode.workspace.fs.writeFile(definitionUri, new TextEncoder().encode(definition));
  });

  after(async () => {
    await closeAll();
    await vscode.workspace.fs.delete(folder, { recursive: true });
  });

  it('checks a template while it is open: the unused substitution at its key', async () => {
    const doc = await vscode.workspace.openTextDocument(templateUri);
    await vscode.window.showTextDocument(doc);
    const ds = await waitForDiagnostics(templateUri, withCode('cfn/substitution-unused'), 'cfn/substitution-unused');
    assert.deepEqual(ds.map((d) => [codeOf(d), doc.getText(d.range)]), [['cfn/substitution-unused', 'ModelId']]);
  });

  it('checks the DefinitionUri file with its template as context, and the quick fix edits the template', async () => {
    const doc = await vscode.workspace.openTextDocument(definitionUri);
    await vscode.window.showTextDocument(doc);
    const [missing] = await waitForDiagnostics(definitionUri, withCode('cfn/substitution-missing'), 'cfn/substitution-missing');
    assert.equal(doc.getText(missing.range), '${KeyName}');
    assert.match(missing.message, /template\.yaml \(resource 'Orders'\)/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', definitionUri, missing.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.startsWith("Add 'KeyName'"));
    assert.ok(fix?.edit, `no quick fix; got ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const templateDoc = await vscode.workspace.openTextDocument(templateUri);
    assert.match(templateDoc.getText(), /ModelId: claude\n {8}KeyName: ""/);
    // The definition follows the edited (unsaved) template.
    await waitForDiagnostics(definitionUri, (ds) => !ds.some((d) => codeOf(d) === 'cfn/substitution-missing'), 'cfn/substitution-missing to go');
  });

  it('awsWorkflows.diagnostics.templates turns template checks off', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(templateUri));
    await waitForDiagnostics(templateUri, (ds) => ds.length > 0, 'template problems');
    const config = vscode.workspace.getConfiguration('awsWorkflows.diagnostics');
    try {
      await config.update('templates', false, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(templateUri, (ds) => ds.length === 0, 'no template problems');
    } finally {
      await config.update('templates', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(templateUri, (ds) => ds.length > 0, 'template problems back');
  });
});
