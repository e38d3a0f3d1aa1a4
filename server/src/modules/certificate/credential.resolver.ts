import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import type { Context, SignedInContext } from '../../app/context.js';
import { PUBLIC, Role } from '../../shared/auth/roles.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { AppError } from '../../shared/errors.js';
import { translate } from '../../shared/i18n/messages.js';
import { isUuid } from '../../shared/util/ids.js';
import { addressKey } from '../auth/index.js';
import { canSeeCertificate } from './certificate.policy.js';
import { Certificate } from './certificate.types.js';
import { signedCredential } from './credential.service.js';
import { keyUrl, rotateKey } from './issuer-key.service.js';
import { CredentialVerdict, verifyCredentialJson } from './verify-credential.service.js';

registerEnumType(CredentialVerdict, { name: 'CredentialVerdict', description: 'What the check of an uploaded credential found' });

@ObjectType({ description: "One of an agency's credential signing keys (Ed25519); retired keys stay published" })
export class CredentialKey {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Its published id: the Multikey document URL' }) url!: string;
  @Field(() => String) publicKeyMultibase!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When rotation retired it; null for the active key' }) retiredAt!: Date | null;
}

@ObjectType({ description: 'The check of an uploaded credential: a verdict, why, and (when it is ours) the certificate as issued, NIP never shown' })
export class CredentialVerification {
  @Field(() => CredentialVerdict) verdict!: CredentialVerdict;
  @Field(() => String, { description: 'Why, in the viewer’s language' }) reason!: string;
  @Field(() => String, { nullable: true }) serial!: string | null;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => String, { nullable: true }) recipientName!: string | null;
  @Field(() => String, { nullable: true }) agencyName!: string | null;
  @Field(() => Date, { nullable: true }) issuedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => String, { nullable: true }) revokedReason!: string | null;
}

const limiters = new WeakMap<object, RateLimiterPostgres>();

/** Verifications per client address (canonicalising costs the server ~0.1 s each), in the sign-in limits' store. */
async function countVerification(ctx: Context): Promise<void> {
  const connection = ctx.em.getConnection();
  let limiter = limiters.get(connection);
  if (!limiter) {
    const { perAddress, windowMinutes } = ctx.config.credentialVerifyLimit;
    limiter = new RateLimiterPostgres({
      storeClient: await connection.getNativeClient(), storeType: 'pool', tableName: 'sign_in_limit', tableCreated: true,
      keyPrefix: 'credential-verify', points: perAddress, duration: windowMinutes * 60, clearExpiredByTimeout: false,
    });
    limiters.set(connection, limiter);
  }
  try {
    await limiter.consume(addressKey(ctx.req.ip));
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new AppError('TOO_MANY_VERIFICATIONS', { minutes: Math.max(1, Math.ceil(error.msBeforeNext / 60_000)) });
    throw error;
  }
}

@Resolver(() => Certificate)
@Authorized()
export class CredentialResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'The signed Open Badges 3.0 credential (JSON) of this certificate, for whoever may read the certificate',
  })
  async credentialJson(@Root() certificate: Certificate, @Ctx() ctx: SignedInContext): Promise<string | null> {
    if (!ctx.viewer || !canSeeCertificate(ctx.viewer, certificate)) return null;
    return signedCredential(ctx, certificate.id);
  }

  @Mutation(() => CredentialVerification, { description: 'Checks a pasted or uploaded credential JSON (public, no sign-in; limited per address)' })
  @Authorized(PUBLIC)
  async verifyCredential(@Arg('json', () => String) json: string, @Ctx() ctx: Context): Promise<CredentialVerification> {
    await countVerification(ctx);
    const check = await verifyCredentialJson(ctx, json);
    const c = check.certificate;
    return {
      verdict: check.verdict, reason: translate(`CREDENTIAL_${check.reason}`, ctx.locale),
      serial: c?.serial ?? null, title: c?.title ?? null, recipientName: c?.recipientName ?? null, agencyName: c?.agencyName ?? null,
      issuedAt: c?.issuedAt ?? null, revokedAt: c?.revokedAt ?? null, revokedReason: c?.revokedReason ?? null,
    };
  }

  @Query(() => [CredentialKey], { description: "An agency's credential signing keys, oldest first (its admins and platform admins)" })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  async credentialKeys(@Arg('agencyId', () => ID) agencyId: string, @Ctx() ctx: SignedInContext): Promise<CredentialKey[]> {
    const code = await administeredAgencyCode(ctx, agencyId);
    const rows = await db(ctx).selectFrom('credential_issuer_key').select(['id', 'public_key_multibase', 'created_at', 'retired_at'])
      .where('agency_id', '=', agencyId).orderBy('created_at').orderBy('id').execute();
    return rows.map((k) => ({ id: k.id, url: keyUrl(ctx.config, code, k.id), publicKeyMultibase: k.public_key_multibase, createdAt: new Date(k.created_at), retiredAt: k.retired_at ? new Date(k.retired_at) : null }));
  }

  @Mutation(() => CredentialKey, { description: "Rotates an agency's signing key: a new active key; the old one is retired but stays published and verifiable" })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  async rotateCredentialKey(@Arg('agencyId', () => ID) agencyId: string, @Ctx() ctx: SignedInContext): Promise<CredentialKey> {
    const code = await administeredAgencyCode(ctx, agencyId);
    const k = await inTransaction(ctx, (tx) => rotateKey(tx, ctx.config, agencyId));
    return { id: k.id, url: keyUrl(ctx.config, code, k.id), publicKeyMultibase: k.public_key_multibase, createdAt: new Date(k.created_at), retiredAt: k.retired_at ? new Date(k.retired_at) : null };
  }
}

/** The agency's code, for its own admins and platform admins; FORBIDDEN for other admins, NOT_FOUND for no agency. */
async function administeredAgencyCode(ctx: SignedInContext, agencyId: string): Promise<string> {
  const agency = isUuid(agencyId) ? await db(ctx).selectFrom('agency').select('code').where('id', '=', agencyId).executeTakeFirst() : undefined;
  if (!agency) throw new AppError('NOT_FOUND', { what: 'agency' });
  if (!ctx.viewer.administersAgency(agencyId)) throw new AppError('FORBIDDEN');
  return agency.code;
}
