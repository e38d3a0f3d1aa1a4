import { AuthResolver } from './auth.resolver.js';
import { PasswordResetResolver } from './password-reset.resolver.js';

export { loadViewer } from './viewer-loader.js';
export { failJson, withSignedInViewer } from './http-viewer.js';
export { hashToken, SESSION_COOKIE } from './session-cookie.js';
export { hashPassword } from './password.js';
export { addressKey, liftAccountLimit } from './sign-in-limits.js';
export { composePasswordResetMail, purgeExpiredAuthRows } from './password-reset.service.js';
export const authResolvers = [AuthResolver, PasswordResetResolver] as const;
