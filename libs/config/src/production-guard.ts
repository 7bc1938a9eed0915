/**
 * Values published in this repository (docker-compose.yml's throwaway defaults, the test suite's fixed secrets):
 * anyone can read them, so production refuses them.
 */
export const PUBLISHED_SECRET_KEYS: readonly string[] = ['8f9535707a9ea7cd55cc57c14c5f8ee1f87b29ff42f71ed4bf8117f5ae0b94ca', '5e'.repeat(32)];
export const PUBLISHED_ADMIN_TOKENS: readonly string[] = ['dev-admin-token-not-for-production', 'test-admin-token'];

/** What a service checks before it starts in production; each app names the ones that apply to what it reads. */
export type ProductionRule = 'secretKey' | 'adminToken' | 'outboxProvider' | 'privateNetworks';

const flag = (v: string | undefined): boolean => ['1', 'true', 'yes'].includes((v ?? '').trim().toLowerCase());

const RULES: Record<ProductionRule, (env: NodeJS.ProcessEnv) => string | undefined> = {
  secretKey: (env) =>
    PUBLISHED_SECRET_KEYS.includes((env.SIGNET_SECRET_KEY ?? '').toLowerCase())
      ? 'SIGNET_SECRET_KEY is a key published in the Signet repository; generate your own (openssl rand -hex 32)'
      : undefined,
  adminToken: (env) => {
    if (!env.SIGNET_ADMIN_TOKEN) return 'SIGNET_ADMIN_TOKEN is not set; the admin API needs a token of 16+ random characters';
    return PUBLISHED_ADMIN_TOKENS.includes(env.SIGNET_ADMIN_TOKEN) ? 'SIGNET_ADMIN_TOKEN is a token published in the Signet repository' : undefined;
  },
  outboxProvider: (env) => {
    const sender = env.SIGNET_PLATFORM_SENDER?.trim();
    const outbox = !sender || /"provider"\s*:\s*"outbox"/.test(sender);
    return outbox && !flag(env.SIGNET_ALLOW_OUTBOX_PROVIDER)
      ? 'SIGNET_PLATFORM_SENDER is the development outbox (codes are never delivered); set a real sender, or SIGNET_ALLOW_OUTBOX_PROVIDER=true to accept it'
      : undefined;
  },
  privateNetworks: (env) =>
    flag(env.CALLBACKS_ALLOW_PRIVATE_NETWORKS)
      ? 'CALLBACKS_ALLOW_PRIVATE_NETWORKS=true lets customer URLs reach private networks; unset it in production'
      : undefined,
};

/** With `NODE_ENV=production`: the first unsafe setting among `rules`, as one line naming its variable; otherwise undefined. */
export function unsafeProduction(rules: readonly ProductionRule[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NODE_ENV !== 'production') return undefined;
  for (const rule of rules) {
    const problem = RULES[rule](env);
    if (problem) return `refusing to start in production: ${problem}`;
  }
  return undefined;
}
