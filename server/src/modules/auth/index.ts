import { AuthResolver } from './auth.resolver.js';

export { loadViewer } from './viewer-loader.js';
export { hashToken, SESSION_COOKIE } from './session-cookie.js';
export { hashPassword } from './password.js';
export { liftAccountLimit } from './sign-in-limits.js';
export const authResolvers = [AuthResolver] as const;
