// Settings of the accounts feature, from the environment (README "Accounts and sign-in").
//
// POVMAP_DEMO=1       demo accounts with published passwords (npm start sets it); refused when
//                     NODE_ENV=production, because a known password on a real deployment is an
//                     open door.
// POVMAP_SECURE_COOKIE=1  always mark the session cookie Secure (default: when the request came
//                     over https, directly or as told by X-Forwarded-Proto).
// POVMAP_TRUST_PROXY=1    take the client address from X-Forwarded-For (only behind a proxy that
//                     sets it; otherwise anyone could dodge the sign-in rate limit by inventing one).
// POVMAP_ORIGINS      extra origins allowed to send mutations, comma-separated (a proxy that
//                     rewrites Host); the server's own origin is always allowed.

export interface AuthSettings {
  demo: boolean;
  secureCookie: 'auto' | 'always';
  trustProxy: boolean;
  allowedOrigins: string[];
}

export class DemoModeInProduction extends Error {
  constructor() {
    super(
      'povmap: chế độ demo (POVMAP_DEMO=1) bị cấm khi NODE_ENV=production / demo mode is refused when NODE_ENV=production: ' +
        'its accounts have published passwords. Unset POVMAP_DEMO (or set POVMAP_DEMO=0) and create accounts with `npm run user -- add`.',
    );
  }
}

const yes = (value: string | undefined) => value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());

export function authSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  const demo = yes(env.POVMAP_DEMO);
  if (demo && env.NODE_ENV === 'production') throw new DemoModeInProduction();
  return {
    demo,
    secureCookie: yes(env.POVMAP_SECURE_COOKIE) ? 'always' : 'auto',
    trustProxy: yes(env.POVMAP_TRUST_PROXY),
    allowedOrigins: (env.POVMAP_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/+$/, ''))
      .filter((o) => o.length > 0),
  };
}
