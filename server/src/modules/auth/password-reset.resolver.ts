import { Length, MaxLength, MinLength } from 'class-validator';
import { Arg, Authorized, Ctx, Field, InputType, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { PUBLIC } from '../../shared/auth/roles.js';
import { badInput } from '../../shared/errors.js';
import { MIN_PASSWORD } from '../../shared/auth/password-rules.js';
import * as passwordReset from './password-reset.service.js';

@InputType()
export class ResetPasswordInput {
  @Field(() => String, { description: 'The token from the link in the reset e-mail' })
  @Length(1, 200)
  token!: string;

  @Field(() => String, { description: 'At least 8 characters' })
  @MinLength(MIN_PASSWORD)
  @MaxLength(200)
  newPassword!: string;
}

@Resolver()
@Authorized()
export class PasswordResetResolver {
  @Mutation(() => Boolean, {
    description: 'Sends a password reset link to this e-mail address if a person has it. Answers true either way (it never tells whether the address is known)',
  })
  @Authorized(PUBLIC)
  async requestPasswordReset(@Arg('email', () => String) email: string, @Ctx() ctx: Context): Promise<boolean> {
    await passwordReset.requestPasswordReset(ctx, checkedEmail(email));
    return true;
  }

  @Mutation(() => Boolean, { description: "Sets a new password with a reset link's token (once, before it expires) and ends all of the person's sessions" })
  @Authorized(PUBLIC)
  async resetPassword(@Arg('input', () => ResetPasswordInput) input: ResetPasswordInput, @Ctx() ctx: Context): Promise<boolean> {
    await passwordReset.resetPassword(ctx, input.token, input.newPassword);
    return true;
  }
}

/** A plausible address (one @, a dot in the domain, no spaces); anything else is BAD_USER_INPUT, for any address. */
function checkedEmail(email: string): string {
  const trimmed = email.trim();
  if (trimmed.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) throw badInput('email', 'not an e-mail address');
  return trimmed;
}
