import type { EntityManager } from '@mikro-orm/postgresql';

export interface DemoAccount {
  role: string;
  login: string;
  password: string;
  name: string;
}

/** Placeholder until the demo world lands: seeds the learning rule set only. */
export async function seedDemoWorldIfEmpty(em: EntityManager, log: (msg: string) => void): Promise<DemoAccount[] | null> {
  void em;
  void log;
  return null;
}
