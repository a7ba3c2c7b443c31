// What the registry seed tells the person at the terminal (npm run seed, npm start's set-up).
import type { seedRegistry } from './seed-registry.ts';

type RegistrySeedReport = Awaited<ReturnType<typeof seedRegistry>>;

export function logRegistrySeed(report: RegistrySeedReport, where: string): void {
  if (report.skipped) {
    console.error(`povmap: seed: registry ${report.generatedAt} already in ${where} (--force to reload)`);
    return;
  }
  for (const warning of report.warnings) console.error(`povmap: seed: WARNING ${warning}`);
  if (report.stage === 'units') {
    console.error('povmap: seed: WARNING registry is at stage "units": no label points or areas yet (geodata still building?)');
  }
  console.error(
    `povmap: seed: ${report.units} units, ${report.links} crosswalk links, ` +
      `${report.flagged.poorDistricts} poor districts, ${report.flagged.coastalExtremelyDifficult} coastal communes ` +
      `into ${where} in ${(report.ms / 1000).toFixed(2)} s` +
      (report.warnings.length > 0 ? ` — ${report.warnings.length} WARNINGS above` : ''),
  );
}
