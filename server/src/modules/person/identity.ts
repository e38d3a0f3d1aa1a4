import { sql } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import { db } from '../../shared/db/kysely.js';
import { byKeys, defineLoader } from '../../shared/graphql/loaders.js';
import { maskNip } from './nip.js';
import { canSeeIdentityNumbers } from './person.policy.js';

/**
 * A person's identity numbers as carried (never exposed as such) by every GraphQL type that shows a
 * NIP: Person, EnrolmentLearner. Their `nip` fields resolve through `shownIdentity` only.
 */
export interface IdentityHolder {
  personId: string;
  agencyId: string | null;
  supervisorId: string | null;
  nip: string | null;
  nidn: string | null;
}

export interface ShownIdentity {
  nip: string | null;
  nipMasked: boolean;
  nidn: string | null;
}

/**
 * Each person's supervisor chain above their direct supervisor: the direct supervisor's supervisor and
 * so on, up through active people (someone who left no longer links the chain). One statement for
 * every person a page shows.
 */
const upperChainByPerson = defineLoader<string, string[]>('person.upperSupervisorChain', async (em, ids) => {
  // A recursive walk reads plainest as SQL; the ids go as one array parameter.
  const { rows } = await sql<{ origin: string; chain: string[] }>`
    with recursive up (origin, id, depth) as (
      select p.id, s.supervisor_id, 1
        from person p join person s on s.id = p.supervisor_id
       where p.id = any(${ids}::uuid[]) and s.active and s.supervisor_id is not null
      union all
      select up.origin, s.supervisor_id, up.depth + 1
        from up join person s on s.id = up.id
       where s.active and s.supervisor_id is not null and up.depth < 50
    )
    select origin, array_agg(id::text) as chain from up group by origin`.execute(db({ em }));
  return byKeys(ids, rows, (r) => r.origin, (r) => r.chain, []);
});

/**
 * Whether the viewer sees this person's identity numbers in full: the circle `canSeeIdentityNumbers`
 * decides (the person, their supervisor chain, their agency's admins, platform admins). The chain is
 * read only when it can matter: a viewer with no active reports links nobody's chain above the first
 * step, and the first step (the direct supervisor) is on the holder already.
 */
export async function inIdentityCircle(ctx: SignedInOperationContext, holder: IdentityHolder): Promise<boolean> {
  const { viewer } = ctx;
  const person = { id: holder.personId, agency_id: holder.agencyId, supervisor_id: holder.supervisorId };
  if (canSeeIdentityNumbers(viewer, person, [])) return true;
  if (!viewer.isSupervisor || !holder.supervisorId) return false;
  return canSeeIdentityNumbers(viewer, person, await ctx.loaders.get(upperChainByPerson).load(holder.personId));
}

/** The one way a NIP (and NIDN) leaves the server: in full for the circle, masked (NIDN hidden) for anyone else. */
export async function shownIdentity(ctx: SignedInOperationContext, holder: IdentityHolder): Promise<ShownIdentity> {
  const entitled = await inIdentityCircle(ctx, holder);
  return {
    nip: holder.nip && !entitled ? maskNip(holder.nip) : holder.nip,
    nipMasked: !!holder.nip && !entitled,
    nidn: entitled ? holder.nidn : null,
  };
}
