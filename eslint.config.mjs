import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The folders (and modules) of src that src/core must not import. */
const OUTSIDE_CORE = ['aws', 'explorer', 'deploy', 'diagnostics', 'airflow', 'profile', 'common', 'cli', 'cli.ts', 'extension', 'extension.ts'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.test-results/**', 'examples/**', '**/*.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
  // Core is shared by the CLI, the tests and the extension: it must never depend on VS Code, the
  // extension's folders, the CLI or src/aws. A file N folders below src/core leaves it with N+1
  // '../', so there is one block per depth and an import is caught however deep the file sits.
  ...Array.from({ length: 6 }, (_, depth) => ({
    files: [`src/core/${'*/'.repeat(depth)}*.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core must not import vscode.' }],
        patterns: [{
          group: OUTSIDE_CORE.flatMap((f) => [`${'../'.repeat(depth + 1)}${f}`, `${'../'.repeat(depth + 1)}${f}/**`]),
          message: 'src/core is pure TypeScript: it must not import src/aws, the CLI or the extension\'s folders.',
        }],
      }],
    },
  })),
  {
    // The deploy engine runs in the CLI too: VS Code stays in src/deploy's adapter files.
    files: ['src/deploy/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/deploy/engine must not import vscode: the CLI uses it.' }] }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'test/**/*.cjs', 'test/**/*.mjs', 'bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
