// Who is signed in, as Svelte state. The shell shows the sign-in page while `signedIn` is null;
// every view below it can assume a session (the server enforces it anyway: 401 otherwise).
import { setCsrfToken, trpc } from './trpc.ts';

type SignedIn = NonNullable<Awaited<ReturnType<typeof trpc.auth.me.query>>>;
export type DemoAccount = Awaited<ReturnType<typeof trpc.auth.demoAccounts.query>>['accounts'][number];

const state = $state<{ status: 'checking' | 'signed-out' | 'signed-in' | 'unreachable'; signedIn: SignedIn | null }>({
  status: 'checking',
  signedIn: null,
});

export const session = {
  get status() {
    return state.status;
  },
  get user() {
    return state.signedIn?.user ?? null;
  },
};

function apply(signedIn: SignedIn | null): void {
  state.signedIn = signedIn;
  state.status = signedIn ? 'signed-in' : 'signed-out';
  setCsrfToken(signedIn?.csrfToken ?? null);
}

/** Ask the server whether the browser's cookie still holds a session. */
export async function checkSession(): Promise<void> {
  try {
    apply(await trpc.auth.me.query());
  } catch {
    state.status = 'unreachable';
  }
}

/** Throws the server's message (Vietnamese / English) on a wrong password or rate limit. */
export async function signIn(username: string, password: string): Promise<void> {
  apply(await trpc.auth.signIn.mutate({ username, password }));
}

export async function signOut(): Promise<void> {
  try {
    await trpc.auth.signOut.mutate();
  } finally {
    apply(null);
  }
}

export function demoAccounts(): Promise<DemoAccount[]> {
  return trpc.auth.demoAccounts.query().then((r) => r.accounts);
}
