import { AppError } from '../errors.js';

/**
 * An https link with a host. One rule for every link people follow from Lentera (a run's, a series' or a session's
 * online meeting, a material): a meeting link carries its passcode, so it is never accepted over plain http, and
 * nothing but https (no javascript:, no mailto:) reaches a page as a link. Links stored before this rule stay as they are.
 */
const HTTPS_LINK = /^https:\/\/[^\s/$.?#][^\s]*$/i;

/** The trimmed link, or null for an empty one; anything else than an https link is refused with `code` on `field`. */
export function httpsLink(value: string | null | undefined, field: string, code: 'INVALID_ONLINE_URL' | 'INVALID_HTTPS_URL'): string | null {
  const link = value?.trim() || null;
  if (link && !HTTPS_LINK.test(link)) throw new AppError(code, {}, field);
  return link;
}
