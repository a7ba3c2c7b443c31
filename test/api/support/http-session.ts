// Signing in over real HTTP and calling procedures by path with the session cookie and the CSRF
// header, as a browser would — for the tests that must see status codes and headers.
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '../../../server/router.ts';

export interface HttpSession {
  /** "povmap_session=…", for a Cookie header. */
  cookie: string;
  csrfToken: string;
  /** The raw Set-Cookie header of the sign-in answer. */
  setCookie: string;
}

export interface CallResult {
  status: number;
  text: string;
  body: any;
  headers: Headers;
}

export async function signInOverHttp(baseUrl: string, username: string, password: string): Promise<HttpSession> {
  const response = await fetch(`${baseUrl}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`sign-in as ${username} failed: ${response.status} ${text}`);
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0]!, csrfToken: JSON.parse(text).result.data.csrfToken, setCookie };
}

/** One procedure call: GET for queries, POST for mutations, with the session's cookie and CSRF. */
export async function callProcedure(
  baseUrl: string,
  path: string,
  type: 'query' | 'mutation',
  input: unknown,
  session: HttpSession | null,
  extraHeaders: Record<string, string> = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...extraHeaders };
  if (session) headers.cookie = session.cookie;
  let response: Response;
  if (type === 'query') {
    const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    response = await fetch(`${baseUrl}/trpc/${path}${query}`, { headers });
  } else {
    if (session) headers['x-povmap-csrf'] ??= session.csrfToken;
    headers['content-type'] ??= 'application/json';
    response = await fetch(`${baseUrl}/trpc/${path}`, {
      method: 'POST',
      headers,
      body: input === undefined ? undefined : JSON.stringify(input),
    });
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (a plain-text refusal from the HTTP layer)
  }
  return { status: response.status, text, body, headers: response.headers };
}

/** The typed client of the app, carrying a session. */
export function clientFor(baseUrl: string, session: HttpSession | null): TRPCClient<AppRouter> {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${baseUrl}/trpc`,
        headers: () => (session ? { cookie: session.cookie, 'x-povmap-csrf': session.csrfToken } : {}),
      }),
    ],
  });
}
