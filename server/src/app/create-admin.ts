import { isEmail } from 'class-validator';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { hashPassword } from '../modules/auth/index.js';
import { AuditEntry } from '../modules/audit/index.js';
import { EmploymentType, Person, RoleGrant } from '../modules/person/index.js';
import { MIN_PASSWORD } from '../shared/auth/password-rules.js';
import { Role } from '../shared/auth/roles.js';
import { db } from '../shared/db/kysely.js';

/** Held while checking for and creating the first admin, so two runs at once cannot both succeed. */
const FIRST_ADMIN_LOCK = 7_302_417;

export class CreateAdminRefused extends Error {}

export interface NewAdmin {
  email: string;
  fullName: string;
  password: string;
}

/** The input's own rules, checked before anything touches the database. */
export function checkNewAdmin(input: NewAdmin): { email: string; fullName: string } {
  const email = input.email.trim().toLowerCase();
  const fullName = input.fullName.trim();
  if (!isEmail(email)) throw new CreateAdminRefused(`"${input.email}" bukan alamat e-mail yang sah. / Not a valid e-mail address.`);
  if (fullName.length === 0 || fullName.length > 200) throw new CreateAdminRefused('Nama wajib diisi (paling banyak 200 karakter). / A name of at most 200 characters is required.');
  if (input.password.length < MIN_PASSWORD || input.password.length > 200) {
    throw new CreateAdminRefused(`Kata sandi harus ${MIN_PASSWORD}–200 karakter. / The password must be ${MIN_PASSWORD} to 200 characters long.`);
  }
  return { email, fullName };
}

export async function platformAdminExists(em: EntityManager): Promise<boolean> {
  return !!(await db({ em }).selectFrom('role_grant').select('id').where('role', '=', Role.PLATFORM_ADMIN).limit(1).executeTakeFirst());
}

/**
 * Creates the first platform admin of an installation that was started without demo data; refused once any
 * platform admin exists (from then on admins are granted in the app, with an audit trail). The audit row has
 * no actor: the operator at the console is not a person in the database.
 */
export async function createFirstPlatformAdmin(em: EntityManager, input: NewAdmin): Promise<{ id: string }> {
  const { email, fullName } = checkNewAdmin(input);
  const passwordHash = await hashPassword(input.password);
  return em.transactional(async (tx) => {
    await sql`select pg_advisory_xact_lock(${FIRST_ADMIN_LOCK}::bigint)`.execute(db({ em: tx }));
    if (await platformAdminExists(tx)) {
      throw new CreateAdminRefused(
        'Sudah ada admin platform; perintah ini hanya untuk admin pertama. Admin lain diberi peran lewat aplikasi (Admin › Peran). / ' +
          'A platform admin already exists; this command only creates the first one. Grant further admins in the app (Admin › Roles).',
      );
    }
    const taken = await db({ em: tx }).selectFrom('person').select('id').where(sql<string>`lower(email)`, '=', email).executeTakeFirst();
    if (taken) throw new CreateAdminRefused(`E-mail ${email} sudah terdaftar. / The e-mail ${email} is already registered.`);
    const person = new Person(fullName, EmploymentType.NON_ASN);
    person.email = email;
    person.passwordHash = passwordHash;
    tx.persist(person);
    tx.persist(new RoleGrant(person, Role.PLATFORM_ADMIN, null, null));
    tx.persist(new AuditEntry(null, 'platform-admin.bootstrap', 'Person', person.id, { email, fullName }));
    await tx.flush();
    return { id: person.id };
  });
}
