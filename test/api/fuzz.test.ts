// Bad input to every procedure of the router (enumerated from the router): wrong types, huge
// strings, deep objects, arrays, null, Unicode junk, numbers out of range, and each field of a
// valid call mistyped in turn. The answer must be a clean 4xx with a message (or a 200 when the
// junk happens to be valid), never a 5xx, never a stack trace. As the country admin, so inputs
// get past the access checks to the validators; and signed out, where they must stop at 401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../../server/router.ts';
import { dialectsUnderTest } from './support/dialects.ts';
import { callProcedure, type CallResult } from './support/http-session.ts';
import { PROCEDURE_CASES } from './support/procedure-cases.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: 'query' | 'mutation' } }>).map(
  ([path, p]) => ({ path, type: p._def.type }),
);

const nested = (depth: number, leaf: unknown): unknown => {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

/** GET puts the input in the URL, which Node caps at 16 KB of headers: keep those smaller. */
function junkInputs(type: 'query' | 'mutation'): [string, unknown][] {
  const big = type === 'query' ? 3_000 : 300_000;
  const deep = type === 'query' ? 200 : 3_000;
  return [
    ['null', null],
    ['true', true],
    ['zero', 0],
    ['negative', -1],
    ['huge number', 1e308],
    ['unsafe integer', 2 ** 53 + 1],
    ['empty string', ''],
    ['huge string', 'x'.repeat(big)],
    ['empty array', []],
    ['array of junk', [1, 'a', null, {}]],
    ['empty object', {}],
    ['deep object', nested(deep, 'x')],
    ['deep array', JSON.parse('['.repeat(deep) + ']'.repeat(deep))],
    ['many keys', Object.fromEntries(Array.from({ length: type === 'query' ? 100 : 30_000 }, (_, i) => [`k${i}`, i]))],
    ['NUL', { q: 'a\u0000b', structure: 'pre2025', code: '\u0000' }],
    ['lone surrogate', { q: '\ud800', code: '\udfff', username: '\ud800x' }],
    ['RTL override and emoji', { q: '\u202e💥'.repeat(200), username: '💥' }],
    ['SQL-ish', { q: "' or 1=1 --", code: "1' or '1'='1", structure: 'pre2025; drop table unit' }],
    ['prototype pollution', JSON.parse('{"__proto__":{"role":"admin"},"constructor":{"prototype":{"x":1}}}')],
  ];
}

const FIELD_JUNK: unknown[] = [null, 42, -1, 1e21, 0.5, '', 'x'.repeat(5000), [], {}, true, 'a\u0000b', '\ud800'];

/** Each field of a valid call replaced by each kind of junk, plus an unknown field. */
function mistypedFields(valid: unknown): [string, unknown][] {
  if (valid === null || typeof valid !== 'object' || Array.isArray(valid)) return [];
  const out: [string, unknown][] = [['unknown field', { ...valid, surplus: 1 }]];
  for (const key of Object.keys(valid)) {
    for (const junk of FIELD_JUNK) out.push([`${key} = ${JSON.stringify(junk).slice(0, 20)}`, { ...valid, [key]: junk }]);
  }
  return out;
}

function expectCleanAnswer(result: CallResult, what: string): void {
  expect(result.status, `${what}: ${result.text.slice(0, 300)}`).toBeLessThan(500);
  expect(result.text, what).not.toMatch(/\bat .+\.(ts|js|mjs):\d+/);
  expect(result.text, what).not.toMatch(/node_modules|\/work\/|stack/i);
  if (result.status >= 400) {
    const message = result.body?.error?.message ?? result.text;
    expect(typeof message === 'string' && message.trim().length > 0, `${what}: needs a message`).toBe(true);
  }
}

for (const dialect of dialectsUnderTest()) {
  describe(`bad input to every procedure (${dialect})`, () => {
    let app: SeededApp;
    beforeAll(async () => {
      app = await startSeededApp(dialect);
    });
    afterAll(() => app?.close());

    for (const { path, type } of procedures) {
      it(`${path}: junk answers 4xx with a message, never 5xx`, async () => {
        const session = await app.signIn('admin');
        const valid = await PROCEDURE_CASES[path]!.valid(app);
        const inputs = [...junkInputs(type), ...mistypedFields(valid)];
        let refused = 0;
        for (const [label, input] of inputs) {
          const result = await callProcedure(app.baseUrl, path, type, input, session);
          expectCleanAnswer(result, `${path} ${label}`);
          if (result.status >= 400) refused += 1;
        }
        // almost all of it is refused; a few junk values may happen to be valid
        expect(refused).toBeGreaterThan(inputs.length * 0.7);

        const anonymous = await callProcedure(app.baseUrl, path, type, inputs[0]![1], null);
        expectCleanAnswer(anonymous, `${path} signed out`);
      });
    }

    it('refuses malformed requests at the HTTP level with 4xx', async () => {
      const session = await app.signIn('admin');
      const cases: [string, () => Promise<CallResult | Response>][] = [
        ['invalid JSON in the query string', () => app.fetch('/trpc/units.search?input=%7Bnot-json')],
        ['invalid JSON body', () => rawPost('{"a":', session)],
        ['unknown procedure', () => app.fetch('/trpc/units.nothing?input=%7B%7D')],
        ['batch with a non-object input', () => app.fetch('/trpc/units.get,units.get?batch=1&input=%5B1%5D')],
        ['batch over the limit', () => app.fetch(`/trpc/${Array(60).fill('auth.me').join(',')}?batch=1&input=%7B%7D`)],
        ['body over 1 MB', () => rawPost(JSON.stringify({ q: 'x'.repeat(1_100_000) }), session)],
      ];
      for (const [label, send] of cases) {
        const result = await send();
        const status = result.status;
        const text = 'text' in result && typeof result.text === 'string' ? result.text : await (result as Response).text();
        expect(status, `${label}: ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(status, label).toBeLessThan(500);
        expect(text, label).not.toMatch(/\bat .+\.(ts|js):\d+/);
      }
    });

    function rawPost(body: string, session: { cookie: string; csrfToken: string }) {
      return fetch(`${app.baseUrl}/trpc/admin.users.create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-povmap-csrf': session.csrfToken },
        body,
      });
    }
  });
}
