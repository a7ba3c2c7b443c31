// The typed client for the server's tRPC API. Type-only import of AppRouter: the client bundle
// never contains server code (DESIGN.md: client -> server only through the AppRouter type).
// httpBatchLink merges calls made in the same tick into one request, e.g. a view asking for a
// unit and its children at once.
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '../../server/router.ts';

// The session's anti-forgery token (auth.me / auth.signIn return it). The server refuses every
// mutation without it: a cross-site form can send the session cookie but not this header.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export const trpc = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      // The server refuses batches of more than 50 calls, and Node's header limit is 16 KB.
      maxItems: 50,
      maxURLLength: 8000,
      headers: () => (csrfToken ? { 'X-Povmap-CSRF': csrfToken } : {}),
    }),
  ],
});
