#!/usr/bin/env node
// Brings a machine that has only Node.js 20 and npm up to what the project needs:
// the pinned pnpm, the workspace dependencies and (with --browser) Debian's Chromium.
// Uses nothing but Node's own modules, because it runs before any dependency exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split(
  '@',
)[1];
const step = (message) => console.log(`\u001b[36m[werkgezond]\u001b[0m ${message}`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) {
    console.error(`[werkgezond] "${command} ${args.join(' ')}" failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

function pnpmVersion() {
  try {
    return execFileSync('pnpm', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

// 1. pnpm, exactly the pinned version (a different one refuses to run the workspace).
if (pnpmVersion() !== pinned) {
  step(`installing pnpm ${pinned} with npm…`);
  run('npm', ['install', '--global', `pnpm@${pinned}`, '--no-fund', '--no-audit']);
}

// 2. Dependencies, when missing or older than the lockfile.
const marker = join(root, 'node_modules', '.modules.yaml');
const lockfile = join(root, 'pnpm-lock.yaml');
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lockfile).mtimeMs) {
  step('installing dependencies (pnpm install --frozen-lockfile)…');
  run('pnpm', ['install', '--frozen-lockfile']);
}

// 3. Chromium for the browser tests (Debian's package; a browser download cannot work here).
if (process.argv.includes('--browser')) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    const isRoot = process.getuid?.() === 0;
    if (!isRoot && spawnSync('sudo', ['-n', 'true']).status !== 0) {
      console.error(
        '[werkgezond] Chromium is missing and installing it needs root: run `sudo apt-get install chromium`, or set CHROMIUM_PATH.',
      );
      process.exit(1);
    }
    const apt = (args) =>
      run(isRoot ? 'apt-get' : 'sudo', isRoot ? args : ['apt-get', ...args], {
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    step('installing Debian chromium for the browser tests (apt-get)…');
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
  }
}
