// Reads a password from standard input for the CLI: typed without echo (twice) at a terminal, or
// the first line of piped input (`echo "$PW" | npm run user -- add …`), so it never appears in
// the command line, the shell history or `ps`.
import { stdin, stderr } from 'node:process';

export async function readPassword(prompt: string): Promise<string> {
  if (!stdin.isTTY) return firstLine(await readAll());
  const first = await readHidden(`${prompt}: `);
  const again = await readHidden('Nhập lại / Again: ');
  if (first !== again) throw new Error('hai lần nhập khác nhau / the two entries differ');
  return first;
}

async function readAll(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0] ?? '';
}

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let typed = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Error('đã huỷ / cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}
