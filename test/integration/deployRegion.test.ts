// The manifest's region checks in the real extension host: with no region in the entry or the
// defaults, the KMS key is compared with the AwsSession's active region, and follows it when
// the region setting changes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'workflows-for-aws.workflows-for-aws';
const KEY_ARN = 'arn:aws:kms:eu-west-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab';

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Resolves once `check` holds for the document's diagnostics, re-checking on every change. */
function diagnosticsWhere(uri: vscode.Uri, check: (all: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 20000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const test = () => {
      const all = vscode.languages.getDiagnostics(uri);
      if (!check(all)) return false;
      done();
      resolve(all);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) test();
    });
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out waiting for ${what}; diagnostics: ${vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)} ${d.message}`).join(' | ') || 'none'}`));
    }, timeoutMs);
    const done = () => {
      listener.dispose();
      clearTimeout(timer);
    };
    test();
  });
}

describe('manifest region checks use the active region (in the extension host)', function () {
  this.timeout(60000);
  const folder = () => {
    const root = vscode.workspace.workspaceFolders?.[0];
    assert.ok(root, 'the harness opens a workspace');
    return vscode.Uri.joinPath(root.uri, 'region-check');
  };
  const setRegion = (region: string | undefined) => vscode.workspace.getConfiguration('awsWorkflows').update('region', region, vscode.ConfigurationTarget.Global);

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    const dir = folder();
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, 'regional.asl.json'), Buffer.from('{\n  "StartAt": "Done",\n  "States": { "Done": { "Type": "Succeed" } }\n}\n'));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, 'aws-workflows.yaml'), Buffer.from([
      '# No region here or in defaults: the active region applies.',
      'stateMachines:',
      '  regional:',
      '    definition: regional.asl.json',
      '    roleArn: arn:aws:iam::000000000000:role/regional',
      `    encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: "${KEY_ARN}" }`,
      '',
    ].join('\n')));
  });
  after(async () => {
    await setRegion(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder(), { recursive: true });
  });

  it('reports a key in another region than the session, and follows the region setting', async () => {
    const manifest = vscode.Uri.joinPath(folder(), 'aws-workflows.yaml');
    await vscode.window.showTextDocument(manifest);
    const mismatch = (all: vscode.Diagnostic[]) => all.find((d) => codeOf(d) === 'kms/region-mismatch');

    // The harness sets AWS_REGION=us-east-1 and no region setting.
    const first = mismatch(await diagnosticsWhere(manifest, (all) => mismatch(all) !== undefined, 'kms/region-mismatch against us-east-1'));
    assert.match(first!.message, /The KMS key is in eu-west-1 but the resource is deployed to us-east-1/);

    await setRegion('eu-west-1');
    await diagnosticsWhere(manifest, (all) => mismatch(all) === undefined, 'the mismatch to clear once the active region is eu-west-1');

    await setRegion('ap-southeast-2');
    const again = mismatch(await diagnosticsWhere(manifest, (all) => /deployed to ap-southeast-2/.test(mismatch(all)?.message ?? ''), 'kms/region-mismatch against ap-southeast-2'));
    assert.equal(again!.range.start.line, 5, 'on the kmsKeyId line');
  });
});
