/** The places Chronicle serves: each has an adapter, and a reply never names another. */
export type Platform = 'discord' | 'slack' | 'console';
export const PLATFORMS: readonly Platform[] = ['discord', 'slack', 'console'];
