// What the tRPC layer needs to know about the HTTP request it serves, and may do to the answer,
// without handling node:http objects itself. In-process callers (tests, scripts) get a detached
// exchange that records what would have been sent.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { AuthSettings } from '../auth/auth-settings.ts';
import { readSessionToken } from '../auth/session-cookie.ts';

export const CSRF_HEADER = 'x-povmap-csrf';

export interface HttpExchange {
  /** Client address, for the sign-in rate limit. */
  address: string;
  /** The browser reached us over https: the session cookie gets Secure. */
  secure: boolean;
  /** A browser told us the request comes from another site (Sec-Fetch-Site or Origin). */
  crossSite: boolean;
  /** The X-Povmap-CSRF header, which a cross-site form cannot send. */
  csrfHeader: string | null;
  /** The povmap_session cookie's token. */
  sessionToken: string | null;
  setHeader(name: string, value: string): void;
  addCookie(cookie: string): void;
}

export function exchangeFor(req: IncomingMessage, res: ServerResponse, settings: AuthSettings): HttpExchange {
  const forwardedProto = firstValue(req.headers['x-forwarded-proto']);
  // Trusting X-Forwarded-Proto without a proxy can only add Secure, i.e. harm the sender alone.
  const secure = settings.secureCookie === 'always' || (req.socket as TLSSocket).encrypted === true || forwardedProto === 'https';
  return {
    address: clientAddress(req, settings.trustProxy),
    secure,
    crossSite: isCrossSite(req, settings.allowedOrigins),
    csrfHeader: firstValue(req.headers[CSRF_HEADER]) ?? null,
    sessionToken: readSessionToken(req.headers.cookie),
    setHeader: (name, value) => {
      if (!res.headersSent) res.setHeader(name, value);
    },
    addCookie: (cookie) => {
      if (!res.headersSent) res.appendHeader('Set-Cookie', cookie);
    },
  };
}

export interface DetachedExchange extends HttpExchange {
  headers: Map<string, string>;
  cookies: string[];
}

export function detachedExchange(overrides: Partial<HttpExchange> = {}): DetachedExchange {
  const headers = new Map<string, string>();
  const cookies: string[] = [];
  return {
    address: 'in-process',
    secure: false,
    crossSite: false,
    csrfHeader: null,
    sessionToken: null,
    setHeader: (name, value) => void headers.set(name.toLowerCase(), value),
    addCookie: (cookie) => void cookies.push(cookie),
    ...overrides,
    headers,
    cookies,
  };
}

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim() || undefined;
}

function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? firstValue(req.headers['x-forwarded-for']) : undefined;
  return forwarded ?? req.socket.remoteAddress ?? 'unknown';
}

/**
 * Browsers send Sec-Fetch-Site (all current ones) and Origin (on every POST), and scripts on
 * other sites cannot forge either. Sec-Fetch-Site, when present, is the browser's own verdict
 * about the page that made the request, and it stays right behind proxies that rewrite Host (the
 * Vite dev server does); Origin is compared with Host only for browsers too old to send it. A
 * request with neither is not a browser's cross-site request (curl, scripts), and the session
 * cookie is what authenticates those anyway.
 */
function isCrossSite(req: IncomingMessage, allowedOrigins: string[]): boolean {
  const origin = firstValue(req.headers.origin);
  if (origin !== undefined && allowedOrigins.includes(origin)) return false;
  const fetchSite = firstValue(req.headers['sec-fetch-site']);
  if (fetchSite !== undefined) return fetchSite !== 'same-origin' && fetchSite !== 'none';
  if (origin === undefined) return false;
  // Either scheme: https may end at a proxy that does not say so. The browser sets Host to the
  // site it is talking to, so another site's page can never make the two agree.
  const host = req.headers.host ?? '';
  return !(origin === `http://${host}` || origin === `https://${host}`);
}
