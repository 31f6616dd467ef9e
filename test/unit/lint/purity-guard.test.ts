// The ESLint guard that keeps src/core pure catches imports of src/aws (and the extension's folders)
// from a core file at any depth, and lets core's own folders (core/airflow) through.
import assert from 'node:assert/strict';
import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '..', '..', '..');

describe('src/core purity guard (eslint.config.mjs)', function () {
  this.timeout(60_000);
  const eslint = new ESLint({ cwd: root });
  const restricted = async (file: string, source: string) => {
    const [result] = await eslint.lintText(`${source}\nexport const x = y;\n`, { filePath: path.join(root, file) });
    return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
  };

  it('rejects src/aws, the CLI and vscode from every depth of src/core', async () => {
    assert.equal(await restricted('src/core/lint.ts', "import { y } from '../aws/session';"), 1);
    assert.equal(await restricted('src/core/asl/x.ts', "import { y } from '../../aws/session';"), 1);
    assert.equal(await restricted('src/core/asl/deep/x.ts', "import { y } from '../../../aws/retry';"), 1);
    assert.equal(await restricted('src/core/hover/x.ts', "import { y } from '../../cli/glob';"), 1);
    assert.equal(await restricted('src/core/hover/x.ts', "import { y } from '../../diagnostics/manager';"), 1);
    assert.equal(await restricted('src/core/hover/x.ts', "import { y } from 'vscode';"), 1);
  });

  it("allows core's own folders, including core/airflow", async () => {
    assert.equal(await restricted('src/core/hover/x.ts', "import { y } from '../airflow/decisions';"), 0);
    assert.equal(await restricted('src/core/asl/x.ts', "import { y } from '../parse/document';"), 0);
    assert.equal(await restricted('src/deploy/x.ts', "import { y } from '../aws/session';"), 0);
  });
});
