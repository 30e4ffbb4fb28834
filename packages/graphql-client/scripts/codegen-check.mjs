// Regenerates the client into a temporary folder and fails when it differs from the committed
// src/generated (a changed schema or operation without `pnpm codegen`). CI runs this.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const packageDir = new URL('..', import.meta.url).pathname;
const committed = join(packageDir, 'src/generated');
const fresh = mkdtempSync(join(tmpdir(), 'werkgezond-codegen-'));

function files(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...files(path));
    else found.push(relative(dir, path));
  }
  return found.sort();
}

try {
  const run = spawnSync('graphql-codegen', ['--config', 'codegen.ts'], {
    cwd: packageDir,
    env: { ...process.env, CODEGEN_OUT: `${fresh}/` },
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (run.status !== 0) {
    console.error('codegen:check: graphql-codegen failed');
    process.exit(run.status ?? 1);
  }
  const expected = files(fresh);
  const actual = files(committed);
  const problems = [];
  for (const file of new Set([...expected, ...actual])) {
    if (!expected.includes(file)) problems.push(`  ${file}: committed but no longer generated`);
    else if (!actual.includes(file)) problems.push(`  ${file}: generated but not committed`);
    else if (
      readFileSync(join(fresh, file), 'utf8') !== readFileSync(join(committed, file), 'utf8')
    ) {
      problems.push(`  ${file}: differs from a fresh generation`);
    }
  }
  if (problems.length > 0) {
    console.error(
      `codegen:check: src/generated is out of date with apps/api/schema.graphql or src/operations:\n${problems.join('\n')}\nRun \`pnpm --filter @werkgezond/graphql-client codegen\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log(`codegen:check: src/generated is up to date (${expected.length} files)`);
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
