// "Is the last build still good?" — every output present and newer than every input, the
// pipeline's own source included. The stamp is written only after a build whose hard checks
// passed, and removed when a build starts, so a failed or interrupted build is never "up to date".
// Only fs/path here: this runs before anything heavy is imported, to answer in milliseconds.
import fs from 'node:fs';
import path from 'node:path';

const STAMP = 'build-stamp.json';

interface Stamp {
  finishedAt: string;
  outputs: string[];
}

function mtime(file: string): number | null {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/** The pipeline's source files: everything it runs, so a code change triggers a rebuild. */
export function pipelineSources(geodataDir: string, repoRoot: string): string[] {
  const own = fs
    .readdirSync(geodataDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(geodataDir, f));
  return [...own, path.join(repoRoot, 'core', 'text.ts')];
}

export function isUpToDate(outDir: string, inputs: string[]): { fresh: boolean; reason: string } {
  let stamp: Stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(path.join(outDir, STAMP), 'utf8')) as Stamp;
  } catch {
    return { fresh: false, reason: 'no completed build' };
  }
  let newestInput = 0;
  for (const input of inputs) {
    const t = mtime(input);
    if (t === null) return { fresh: false, reason: `input missing: ${input}` };
    newestInput = Math.max(newestInput, t);
  }
  for (const output of [...stamp.outputs, STAMP]) {
    const t = mtime(path.join(outDir, output));
    if (t === null) return { fresh: false, reason: `output missing: ${output}` };
    if (t <= newestInput) return { fresh: false, reason: `${output} is older than an input` };
  }
  return { fresh: true, reason: 'all outputs newer than all inputs' };
}

export function clearStamp(outDir: string): void {
  fs.rmSync(path.join(outDir, STAMP), { force: true });
}

export function writeStamp(outDir: string, outputs: string[]): void {
  const stamp: Stamp = { finishedAt: new Date().toISOString(), outputs };
  fs.writeFileSync(path.join(outDir, STAMP), JSON.stringify(stamp, null, 1));
}
