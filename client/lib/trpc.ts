// The typed client for the server's tRPC API. Type-only import of AppRouter: the client bundle
// never contains server code (DESIGN.md: client -> server only through the AppRouter type).
// httpBatchLink merges calls made in the same tick into one request, e.g. a view asking for a
// unit and its children at once.
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '../../server/router.ts';

export const trpc = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/trpc' })],
});
