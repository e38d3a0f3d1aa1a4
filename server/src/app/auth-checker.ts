import type { AuthChecker } from 'type-graphql';
import { PUBLIC, Role } from '../shared/auth/roles.js';
import { AppError } from '../shared/errors.js';
import type { Context } from './context.js';

/**
 * Tier one of authorization: the roles an operation declares with @Authorized(). Every resolver
 * class carries @Authorized() (signed in) unless its operations say PUBLIC. Object-level checks
 * ("admin of this agency", "this learner's supervisor") live in each module's policy, called by services.
 */
export const authChecker: AuthChecker<Context, string> = ({ context }, roles) => {
  if (roles.includes(PUBLIC)) return true;
  const viewer = context.viewer;
  if (!viewer) throw new AppError('UNAUTHENTICATED');
  if (roles.length === 0) return true;
  if (roles.some((r) => viewer.hasRole(r as Role))) return true;
  throw new AppError('FORBIDDEN');
};
