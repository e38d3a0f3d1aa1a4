/**
 * The groups of demo roles whose screens test/kit/every-screen.ts checks, and how many files each group's screens are
 * dealt over (test/e2e/every-screen-<group>-<part>.test.ts). Apart from the browser kit, so the unit test that checks
 * every part has its file loads no server.
 */
export type DemoRole = 'LEARNER' | 'SUPERVISOR' | 'INSTRUCTOR' | 'AGENCY_ADMIN' | 'PARTNER_ADMIN' | 'PLATFORM_ADMIN';

export const EVERY_SCREEN_GROUPS = {
  learners: { roles: ['LEARNER', 'SUPERVISOR', 'INSTRUCTOR'], parts: 3, signInPage: true },
  'agency-admin': { roles: ['AGENCY_ADMIN'], parts: 3, signInPage: false },
  platform: { roles: ['PARTNER_ADMIN', 'PLATFORM_ADMIN'], parts: 3, signInPage: false },
} as const satisfies Record<string, { roles: DemoRole[]; parts: number; signInPage: boolean }>;

export type EveryScreenGroup = keyof typeof EVERY_SCREEN_GROUPS;
