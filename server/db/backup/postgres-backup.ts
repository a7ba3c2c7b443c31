// PostgreSQL backup and restore with pg_dump / pg_restore (custom format: compressed, restorable
// table by table). The binaries come from Debian's postgresql-client (also installed with the
// server package); pg_dump must not be older than the server, so the newest installed one wins.
// POVMAP_PG_BIN=/path/to/bin overrides. The password travels in PGPASSWORD, not on the command
// line, where `ps` would show it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface PostgresTarget {
  url: string;
  /** Only this schema (tests use one per run); null = the whole database. */
  schema: string | null;
}

export async function pgDump(target: PostgresTarget, destination: string): Promise<void> {
  const schema = target.schema ? [`--schema=${target.schema}`] : [];
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', ...schema, `--file=${destination}`], target);
}

/** Lists the archive's contents; fails when the file is not a pg_dump custom archive. */
export async function checkPgArchive(file: string): Promise<void> {
  await run('pg_restore', ['--list', file], null);
}

/**
 * Replaces the dumped objects with the archive's (--clean --if-exists), all in one transaction:
 * a failing restore leaves the database as it was.
 */
export async function pgRestore(target: PostgresTarget, file: string): Promise<void> {
  const schema = target.schema ? [`--schema=${target.schema}`] : [];
  await run(
    'pg_restore',
    ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', ...schema, file],
    target,
  );
}

function run(tool: 'pg_dump' | 'pg_restore', args: string[], target: PostgresTarget | null): Promise<void> {
  const env = { ...process.env };
  const connection: string[] = [];
  if (target) {
    const url = new URL(target.url);
    if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
    url.password = '';
    connection.push(`--dbname=${url.toString()}`);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(binary(tool), [...args, ...connection], { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => reject(new Error(`${tool} could not start (${error.message}): install postgresql-client or set POVMAP_PG_BIN`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

function binary(tool: string): string {
  const dirs = process.env.POVMAP_PG_BIN
    ? [process.env.POVMAP_PG_BIN]
    : versionDirs('/usr/lib/postgresql').map((version) => path.join('/usr/lib/postgresql', version, 'bin'));
  for (const dir of dirs) {
    const candidate = path.join(dir, tool);
    if (fs.existsSync(candidate)) return candidate;
  }
  return tool; // from PATH
}

function versionDirs(root: string): string[] {
  try {
    return fs
      .readdirSync(root)
      .filter((d) => /^\d+$/.test(d))
      .sort((a, b) => Number(b) - Number(a));
  } catch {
    return [];
  }
}
