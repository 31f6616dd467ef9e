// Installs code-server 4.100.3 (VS Code 1.100) once per machine, following
// ../shared/harness/vscode-web.md, into a cache outside the clone so fresh clones reuse it.
//
//   node scripts/install-code-server.mjs        installs if needed, prints the entry point
//
// Cache folder: $WORKFLOWS_VSCODE_CACHE, else ~/.cache/workflows-for-aws. The install is built in
// a temp folder beside the final one, checked, renamed into place, and only then marked finished,
// so an interrupted install is never mistaken for a finished one.
import { spawnSync, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';

/** Debian packages the install and the browser tests need, and how to tell each is there. */
const SYSTEM_PACKAGES = ['chromium', 'libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'libx11-dev', 'ripgrep'];
/** Compilers node-gyp needs; usually present, named only when missing. */
const BUILD_TOOLS = [
  ['g++', 'g++'],
  ['make', 'make'],
  ['python3', 'python3'],
];

/** Native modules code-server loads, by the folder they are required from. */
const NATIVE_MODULES = [
  ['argon2', 'root'],
  ['@vscode/spdlog', 'vscode'],
  ['node-pty', 'vscode'],
  ['kerberos', 'vscode'],
  ['@parcel/watcher', 'vscode'],
  ['native-watchdog', 'vscode'],
  ['@vscode/deviceid', 'vscode'],
];

export function cacheRoot(env = process.env) {
  return env.WORKFLOWS_VSCODE_CACHE ? path.resolve(env.WORKFLOWS_VSCODE_CACHE) : path.join(os.homedir(), '.cache', 'workflows-for-aws');
}

export function installDir(env = process.env) {
  return path.join(cacheRoot(env), `code-server-${CODE_SERVER_VERSION}`);
}

/** The marker records the Node ABI: native modules built for another Node must be rebuilt. */
function markerPath(dir) {
  return path.join(dir, `.installed-node-abi-${process.versions.modules}`);
}

function paths(dir) {
  const codeServer = path.join(dir, 'node_modules', 'code-server');
  return { codeServer, vscode: path.join(codeServer, 'lib', 'vscode'), entry: path.join(codeServer, 'out', 'node', 'entry.js') };
}

/** Returns the missing Debian packages (by name) and the apt-get line that installs them. */
export function missingSystemPackages() {
  const missing = SYSTEM_PACKAGES.filter((p) => !dpkgInstalled(p));
  for (const [bin, pkg] of BUILD_TOOLS) if (!onPath(bin)) missing.push(pkg);
  return missing;
}

export function aptGetLine(packages) {
  return `apt-get update && apt-get install -y ${packages.join(' ')}`;
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function onPath(bin) {
  return spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
}

/** Installs missing system packages as root; otherwise throws a message naming the apt-get line. */
export function ensureSystemPackages(log = console.error) {
  const missing = missingSystemPackages();
  if (missing.length === 0) return;
  const line = aptGetLine(missing);
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new Error(`Missing system packages: ${missing.join(', ')}. Install them as root, then run this again:\n  ${line}`);
  }
  log(`installing system packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  run('apt-get', ['install', '-y', ...missing], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const still = missingSystemPackages();
  if (still.length) throw new Error(`apt-get did not install: ${still.join(', ')}. Try: ${aptGetLine(still)}`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}) in ${opts.cwd ?? process.cwd()}`);
  return r;
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** Missing pieces of an install, as readable strings; empty when complete. */
export function verifyInstall(dir) {
  const p = paths(dir);
  const problems = [];
  if (!existsSync(p.entry)) problems.push(`missing ${path.relative(dir, p.entry)}`);
  // Loading each native module in a child Node proves it was compiled for this Node (file checks alone
  // miss prebuilt folders and ABI mismatches).
  for (const [mod, base] of NATIVE_MODULES) {
    const from = base === 'root' ? dir : p.vscode;
    const r = spawnSync(process.execPath, ['-e', `require(require.resolve(${JSON.stringify(mod)}, { paths: [${JSON.stringify(from)}] }))`], { encoding: 'utf8' });
    if (r.status !== 0) problems.push(`${mod} does not load: ${(r.stderr.split('\n').find((l) => /Error/.test(l)) ?? r.stderr).trim()}`);
  }
  const rg = path.join(p.vscode, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (!existsSync(rg)) problems.push(`missing ${path.relative(dir, rg)}`);
  if (!existsSync(path.join(p.vscode, 'extensions', 'node_modules'))) problems.push('built-in extensions have no node_modules');
  return problems;
}

function buildInto(tmp, log) {
  mkdirSync(tmp, { recursive: true });
  const p = paths(tmp);
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'] };
  const npmEnv = { ...process.env, npm_config_unsafe_perm: 'true', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };
  writeFileSync(path.join(tmp, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2));
  log(`[1/6] npm install code-server@${CODE_SERVER_VERSION}`);
  run('npm', ['install', '--ignore-scripts', '--no-save', `code-server@${CODE_SERVER_VERSION}`], { cwd: tmp, env: npmEnv, ...quiet });
  log('[2/6] npm rebuild argon2');
  run('npm', ['rebuild', 'argon2'], { cwd: tmp, env: npmEnv, ...quiet });
  log('[3/6] npm install (VS Code server dependencies)');
  run('npm', ['install', '--omit=dev', '--ignore-scripts'], { cwd: p.vscode, env: npmEnv, ...quiet });
  log('[4/6] npm rebuild native modules');
  // Exits 1 offline: node-pty's post-install ends with an npx call that needs the network, after
  // every module is built. verifyInstall checks the compiled files instead of trusting the exit code.
  spawnSync('npm', ['rebuild', '@vscode/spdlog', 'node-pty', 'kerberos', '@parcel/watcher', 'native-watchdog', '@vscode/deviceid'], {
    cwd: p.vscode,
    env: npmEnv,
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  log('[5/6] ripgrep from Debian');
  const rgDir = path.join(p.vscode, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgDir, { recursive: true });
  copyFileSync(execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim(), path.join(rgDir, 'rg'));
  chmodSync(path.join(rgDir, 'rg'), 0o755);
  log('[6/6] npm install (built-in extensions)');
  run('npm', ['install', '--omit=dev', '--ignore-scripts'], { cwd: path.join(p.vscode, 'extensions'), env: npmEnv, ...quiet });
}

/** Removes temp folders of installs whose process is gone. */
function cleanStaleTemps(root, log) {
  if (!existsSync(root)) return;
  const prefix = `code-server-${CODE_SERVER_VERSION}.tmp-`;
  for (const name of readdirSync(root)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (Number.isInteger(pid) && pid !== process.pid && pidAlive(pid)) continue;
    log(`removing stale partial install ${name}`);
    rmSync(path.join(root, name), { recursive: true, force: true });
  }
}

/** Held while installing so two test runs on one machine do not both install. */
function acquireLock(root, log) {
  const lock = path.join(root, `code-server-${CODE_SERVER_VERSION}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      return () => rmSync(lock, { recursive: true, force: true });
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let owner = NaN;
      try {
        owner = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        // The owner has made the folder but not yet written its pid.
      }
      if (Number.isInteger(owner) && !pidAlive(owner)) {
        log(`removing lock of a stopped install (pid ${owner})`);
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      log('another process is installing code-server; waiting for it');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
    }
  }
}

/**
 * Makes sure code-server is installed and returns where. Idempotent and safe to call from
 * several processes at once.
 * @returns {{ dir: string, entry: string, vscodeDir: string }}
 */
export function ensureCodeServer({ log = (m) => console.error(`code-server: ${m}`) } = {}) {
  const dir = installDir();
  const result = () => ({ dir, entry: paths(dir).entry, vscodeDir: paths(dir).vscode });
  if (existsSync(markerPath(dir))) return result();

  ensureSystemPackages(log);
  const root = cacheRoot();
  mkdirSync(root, { recursive: true });
  const release = acquireLock(root, log);
  try {
    if (existsSync(markerPath(dir))) return result(); // another process finished while we waited
    cleanStaleTemps(root, log);
    const tmp = path.join(root, `code-server-${CODE_SERVER_VERSION}.tmp-${process.pid}`);
    rmSync(tmp, { recursive: true, force: true });
    const started = Date.now();
    log(`installing ${CODE_SERVER_VERSION} into ${dir} (a few minutes, once per machine)`);
    try {
      buildInto(tmp, log);
      const problems = verifyInstall(tmp);
      if (problems.length) throw new Error(`code-server install is incomplete:\n  ${problems.join('\n  ')}`);
      // An unmarked folder at the final path is an install from an older layout or a crash; replace it.
      rmSync(dir, { recursive: true, force: true });
      renameSync(tmp, dir);
      writeFileSync(markerPath(dir), JSON.stringify({ version: CODE_SERVER_VERSION, node: process.version, at: new Date().toISOString() }) + '\n');
    } catch (err) {
      // Left for inspection; the next install removes it as stale (its pid is gone by then).
      log(`partial install left in ${tmp}`);
      throw err;
    }
    log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
    return result();
  } finally {
    release();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { entry } = ensureCodeServer();
    console.log(entry);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  }
}
