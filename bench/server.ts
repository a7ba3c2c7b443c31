// Shared by the benchmarks: start the povmap server on a free loopback port in demo mode, sign in
// as demo-viewer and hand back the session cookie; stop() ends the server (and only it).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface BenchServer {
  base: string;
  cookie: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function startServer(): Promise<BenchServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(`${ROOT}node_modules/.bin/tsx`, ['server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', POVMAP_DEMO: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  const stop = async () => {
    if (exited) return;
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(t);
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (exited) throw new Error('server exited during start-up');
      try {
        if ((await fetch(`${base}/trpc/auth.me`)).ok) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error('server not ready within 30 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    const res = await fetch(`${base}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo-viewer', password: 'povmap-demo' }),
    });
    if (!res.ok) throw new Error(`sign-in: HTTP ${res.status} ${await res.text()}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    if (!cookie) throw new Error('sign-in: no Set-Cookie');
    return { base, cookie, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}


export async function machineLine(): Promise<string> {
  const os = await import('node:os');
  const cpus = os.cpus();
  return `machine: ${cpus.length} cores, ${cpus[0]?.model ?? '?'}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}
