// A file with no entry in aws-workflows.yaml: a few questions in sequence, checked by the same
// rules as the manifest diagnostics, then an offer to save the answers as an entry.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { UserCancelled } from '../common/commands';
import { detectKind } from '../core/kind';
import { deployNameOf } from '../core/names';
import { addManifestEntry, checkEntryField, KIND_LABELS, type DeployTarget } from './engine';
import { defaultManifestPath } from './workspace';

type FileKind = 'stateMachine' | 'imageBuilderWorkflow' | 'airflowWorkflow';

const RECENT_ROLES_KEY = 'awsWorkflows.deploy.recentRoleArns';
const MAX_RECENT_ROLES = 5;

export interface WizardContext {
  uri: vscode.Uri;
  text: string;
  region: string;
  manifestPath?: string;
  state: vscode.Memento;
}

function orCancel<T>(value: T | undefined): T {
  if (value === undefined) throw new UserCancelled();
  return value;
}

async function pick<T extends string>(title: string, items: { value: T; label: string; description?: string }[], preselect?: T): Promise<T> {
  const sorted = preselect ? [...items.filter((i) => i.value === preselect), ...items.filter((i) => i.value !== preselect)] : items;
  const chosen = await vscode.window.showQuickPick(sorted.map((i) => ({ ...i, label: i.label })), { title, ignoreFocusOut: true });
  return orCancel(chosen).value;
}

async function input(title: string, options: { value?: string; prompt?: string; placeHolder?: string; validate: (v: string) => string | undefined }): Promise<string> {
  const v = await vscode.window.showInputBox({ title, value: options.value, prompt: options.prompt, placeHolder: options.placeHolder, ignoreFocusOut: true, validateInput: (x) => options.validate(x.trim()) });
  return orCancel(v).trim();
}

async function askRole(ctx: WizardContext, kind: FileKind, name: string): Promise<string> {
  const recent = ctx.state.get<string[]>(RECENT_ROLES_KEY, []);
  const validate = (v: string) => (v ? checkEntryField(kind, name, { roleArn: v }, 'roleArn') : 'A role ARN is needed: the IAM role the service assumes to run it.');
  let role: string | undefined;
  if (recent.length) {
    const other = '$(edit) Enter a role ARN…';
    const chosen = orCancel(await vscode.window.showQuickPick([...recent.map((r) => ({ label: r, description: 'recently used' })), { label: other }], { title: 'IAM role', ignoreFocusOut: true }));
    if (chosen.label !== other) role = chosen.label;
  }
  role ??= await input('IAM role ARN', { placeHolder: 'arn:aws:iam::123456789012:role/my-workflow', validate });
  await ctx.state.update(RECENT_ROLES_KEY, [role, ...recent.filter((r) => r !== role)].slice(0, MAX_RECENT_ROLES));
  return role;
}

async function askKmsKey(kind: FileKind, name: string, encryption: Record<string, unknown>): Promise<string> {
  return input('KMS key', {
    placeHolder: 'alias/my-key, a key ID or a key ARN',
    validate: (v) => (v ? checkEntryField(kind, name, { encryption: { ...encryption, kmsKeyId: v } }, 'encryption.kmsKeyId') : 'A customer managed key needs its key ID, ARN or alias.'),
  });
}

/** Asks for what the entry would say; returns the entry's fields in manifest order. */
export async function askEntry(ctx: WizardContext): Promise<{ kind: FileKind; name: string; spec: Record<string, unknown> }> {
  const detected = detectKind(ctx.uri.fsPath, ctx.text);
  const kind = await pick<FileKind>('What is this file?', [
    { value: 'stateMachine', label: 'Step Functions state machine' },
    { value: 'imageBuilderWorkflow', label: 'EC2 Image Builder workflow' },
    { value: 'airflowWorkflow', label: 'MWAA Serverless workflow' },
  ], detected === 'stateMachine' || detected === 'imageBuilderWorkflow' || detected === 'airflowWorkflow' ? detected : undefined);

  const name = await input(`Name of the ${KIND_LABELS[kind]}`, {
    value: deployNameOf(ctx.uri.fsPath),
    prompt: `Created in ${ctx.region}`,
    validate: (v) => (v ? checkEntryField(kind, v, {}, '') : 'A name is needed.'),
  });
  const manifestDir = path.dirname(ctx.manifestPath ?? defaultManifestPath(ctx.uri) ?? ctx.uri.fsPath);
  const definition = path.relative(manifestDir, ctx.uri.fsPath).split(path.sep).join('/');
  const spec: Record<string, unknown> = { definition };

  if (kind === 'stateMachine') {
    spec.roleArn = await askRole(ctx, kind, name);
    spec.type = await pick('Type', [
      { value: 'STANDARD', label: 'STANDARD', description: 'long-running, exactly-once, full history' },
      { value: 'EXPRESS', label: 'EXPRESS', description: 'high-volume, short (up to 5 minutes), at-least-once' },
    ]);
    const type = await pick('Encryption', [
      { value: 'AWS_OWNED_KEY', label: 'AWS owned key', description: 'the default' },
      { value: 'CUSTOMER_MANAGED_KMS_KEY', label: 'Customer managed KMS key' },
    ]);
    spec.encryption = type === 'AWS_OWNED_KEY' ? { type } : { type, kmsKeyId: await askKmsKey(kind, name, { type }) };
  } else if (kind === 'imageBuilderWorkflow') {
    spec.type = await pick('Workflow type', [
      { value: 'BUILD', label: 'BUILD' }, { value: 'TEST', label: 'TEST' }, { value: 'DISTRIBUTION', label: 'DISTRIBUTION' },
    ]);
    spec.version = await input('Version', { value: '1.0.0', validate: (v) => checkEntryField(kind, name, { version: v }, 'version') ?? (/^\d+\.\d+\.\d+$/.test(v) ? undefined : 'Use major.minor.patch, such as 1.0.0.') });
  } else {
    spec.roleArn = await askRole(ctx, kind, name);
    const type = await pick('Encryption', [
      { value: 'AWS_MANAGED_KEY', label: 'AWS managed key', description: 'the default' },
      { value: 'CUSTOMER_MANAGED_KEY', label: 'Customer managed KMS key' },
    ]);
    spec.encryption = type === 'AWS_MANAGED_KEY' ? { type } : { type, kmsKeyId: await askKmsKey(kind, name, { type }) };
  }
  return { kind, name, spec };
}

/** Runs the wizard; saves the entry when the user agrees. Returns the target to deploy. */
export async function runWizard(ctx: WizardContext): Promise<DeployTarget> {
  const entry = await askEntry(ctx);
  const manifestPath = ctx.manifestPath ?? defaultManifestPath(ctx.uri);
  const save = 'Save to aws-workflows.yaml and Deploy';
  const choice = await vscode.window.showQuickPick(
    [{ label: save, description: manifestPath ? vscode.workspace.asRelativePath(manifestPath) : undefined }, { label: 'Deploy Without Saving' }],
    { title: 'Keep these settings for next time?', ignoreFocusOut: true },
  );
  if (!choice) throw new UserCancelled();
  let defaults = {};
  if (choice.label === save && manifestPath) {
    await saveEntry(manifestPath, entry);
  }
  if (ctx.manifestPath && fs.existsSync(ctx.manifestPath)) {
    // Defaults (definitionBucket, region) still come from the manifest that exists.
    const { parseManifest } = await import('../core/manifest');
    defaults = parseManifest(fs.readFileSync(ctx.manifestPath, 'utf8')).manifest.defaults;
  }
  return {
    kind: entry.kind,
    name: entry.name,
    region: (defaults as { region?: string }).region ?? ctx.region,
    spec: entry.spec,
    defaults,
    definitionPath: ctx.uri.fsPath,
    definitionRelPath: entry.spec.definition as string,
    manifestPath: choice.label === save ? manifestPath : undefined,
  } as DeployTarget;
}

/** Writes through the editor when the manifest is open (undo works), else to disk. */
export async function saveEntry(manifestPath: string, entry: { kind: FileKind; name: string; spec: Record<string, unknown> }): Promise<void> {
  const uri = vscode.Uri.file(manifestPath);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === manifestPath);
  const before = open?.getText() ?? (fs.existsSync(manifestPath) ? fs.readFileSync(manifestPath, 'utf8') : undefined);
  const after = addManifestEntry(before, entry);
  if (open) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), after);
    await vscode.workspace.applyEdit(edit);
    await open.save();
  } else {
    await vscode.workspace.fs.writeFile(uri, Buffer.from(after, 'utf8'));
  }
}
