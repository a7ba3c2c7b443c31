// The skip rule: up to date only when a completed build's outputs are all newer than all inputs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearStamp, isUpToDate, writeStamp } from '../../geodata/freshness.ts';

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'geodata-fresh-'));
  const input = path.join(dir, 'input.json');
  const out = path.join(dir, 'out');
  fs.mkdirSync(path.join(out, '2025'), { recursive: true });
  fs.writeFileSync(input, '{}');
  fs.writeFileSync(path.join(out, 'registry.json'), '{}');
  fs.writeFileSync(path.join(out, '2025', 'commune.detail.fgb'), '');
  const past = new Date(Date.now() - 60_000);
  fs.utimesSync(input, past, past);
  return { input, out };
}

describe('isUpToDate', () => {
  it('is fresh after a completed build and stale when an input changes', () => {
    const { input, out } = setup();
    expect(isUpToDate(out, [input]).fresh).toBe(false);
    writeStamp(out, ['registry.json', '2025/commune.detail.fgb']);
    expect(isUpToDate(out, [input])).toEqual({ fresh: true, reason: 'all outputs newer than all inputs' });
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(input, later, later);
    expect(isUpToDate(out, [input]).reason).toMatch(/older than an input/);
  });

  it('is stale when an output or an input is missing, or the build was interrupted', () => {
    const { input, out } = setup();
    writeStamp(out, ['registry.json', '2025/commune.detail.fgb']);
    expect(isUpToDate(out, [input, path.join(out, 'nope')]).reason).toMatch(/input missing/);
    fs.rmSync(path.join(out, '2025', 'commune.detail.fgb'));
    expect(isUpToDate(out, [input]).reason).toMatch(/output missing: 2025\/commune.detail.fgb/);
    clearStamp(out);
    expect(isUpToDate(out, [input]).reason).toBe('no completed build');
  });
});
