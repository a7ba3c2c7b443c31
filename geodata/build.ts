// `npm run geodata`: boundary sources → registry.json, FlatGeobuf files, validation report.
// Skips in milliseconds when nothing changed; everything heavy (mapshaper, turf) is imported
// only after that check. Exit codes: 0 built or up to date, 1 bad input or failed hard check.
import path from 'node:path';
import { clearStamp, isUpToDate, pipelineSources } from './freshness.ts';
import { InputError } from './input-error.ts';
import { sourcePaths } from './read-sources.ts';
import { geodataOut, geodataSources, repoRoot } from './settings.ts';

async function main(): Promise<number> {
  const outDir = geodataOut();
  const sources = sourcePaths(geodataSources());
  const inputs = [...Object.values(sources), ...pipelineSources(path.join(repoRoot, 'geodata'), repoRoot)];
  const force = process.argv.includes('--force');
  if (!force && isUpToDate(outDir, inputs).fresh) {
    console.log('geodata: up to date');
    return 0;
  }
  clearStamp(outDir);
  const { runPipeline } = await import('./pipeline.ts');
  const result = await runPipeline({ sources, outDir });
  if (!result.ok) {
    console.error(`geodata: FAILED hard checks (see ${path.join(outDir, 'report.md')}):`);
    for (const c of result.failed)
      console.error(`  ✗ ${c.id}: ${c.summary}${c.details ? `\n      ${c.details.slice(0, 5).join('\n      ')}` : ''}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof InputError) console.error(`geodata: bad input: ${error.message}`);
    else console.error('geodata: build failed:', error);
    process.exit(1);
  },
);
