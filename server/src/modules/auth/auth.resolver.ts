import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver, registerEnumType } from 'type-graphql';
import { PUBLIC } from '../../shared/auth/roles.js';
import type { Context, SignedInContext } from '../../app/context.js';
import { ChangeMyPasswordInput, Me, SetMyTimeZoneArgs, SignInInput, SignInResult } from './auth.types.js';
import * as auth from './auth.service.js';

export enum Language {
  ID = 'id',
  EN = 'en',
}
registerEnumType(Language, { name: 'Language', description: 'Bahasa Indonesia (default) or English' });

@Resolver()
@Authorized()
export class AuthResolver {
  @Query(() => Me, { nullable: true, description: 'The signed-in person, or null when signed out' })
  @Authorized(PUBLIC)
  async me(@Ctx() ctx: Context): Promise<Me | null> {
    return ctx.viewer ? auth.me({ ...ctx, viewer: ctx.viewer }) : null;
  }

  @Query(() => Boolean, {
    description: 'True when this browser holds a session that has ended (expired, signed out elsewhere, password changed): the sign-in page says so',
  })
  @Authorized(PUBLIC)
  sessionEnded(@Ctx() ctx: Context): boolean {
    return auth.sessionEnded(ctx);
  }

  @Mutation(() => SignInResult, { description: 'Sign in with NIP (civil servants) or e-mail (partner staff)' })
  @Authorized(PUBLIC)
  async signIn(@Arg('input', () => SignInInput) input: SignInInput, @Ctx() ctx: Context): Promise<SignInResult> {
    const viewer = await auth.signIn(ctx, input.login, input.password);
    return { me: await auth.me({ ...ctx, viewer }) };
  }

  @Mutation(() => Boolean, { description: 'Ends this browser session' })
  @Authorized(PUBLIC)
  async signOut(@Ctx() ctx: Context): Promise<boolean> {
    await auth.signOut(ctx);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Sets a new password (the current one is required); ends every other session of the viewer, keeps this one' })
  async changeMyPassword(@Arg('input', () => ChangeMyPasswordInput) input: ChangeMyPasswordInput, @Ctx() ctx: SignedInContext): Promise<boolean> {
    await auth.changeMyPassword(ctx, input.currentPassword, input.newPassword);
    return true;
  }

  @Mutation(() => Me, { description: 'Saves the preferred language' })
  async setMyLanguage(@Arg('language', () => Language) language: Language, @Ctx() ctx: SignedInContext): Promise<Me> {
    await auth.setLocale(ctx, language);
    return auth.me(ctx);
  }

  @Mutation(() => Me, { description: 'Saves the zone times are shown in: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)' })
  async setMyTimeZone(@Args(() => SetMyTimeZoneArgs) args: SetMyTimeZoneArgs, @Ctx() ctx: SignedInContext): Promise<Me> {
    await auth.setTimeZone(ctx, args.timeZone);
    return auth.me(ctx);
  }
}
