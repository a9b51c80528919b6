import type { JWK } from 'jose';
import type { DocumentLoader } from '../fetcher.js';

/** The parts of a DID document (or a controller document) that key resolution reads. */
export interface VerificationMethod {
  readonly id: string;
  readonly type: string;
  readonly controller: string;
  readonly publicKeyJwk?: JWK;
  readonly publicKeyMultibase?: string;
  readonly publicKeyBase58?: string;
}

export interface DidDocument {
  readonly id: string;
  readonly controller?: string | readonly string[];
  readonly verificationMethod?: readonly VerificationMethod[];
  /** Entries are ids of `verificationMethod`s, or embedded methods. */
  readonly assertionMethod?: readonly (string | VerificationMethod)[];
  readonly authentication?: readonly (string | VerificationMethod)[];
}

export interface DidResolveOptions {
  readonly load: DocumentLoader;
  readonly signal?: AbortSignal | undefined;
}

/** One DID method. `resolve` throws coded errors (`ERR_OB_DID_INVALID`, fetch errors). */
export interface DidResolver {
  /** The method name, e.g. `key` for `did:key:…`. */
  readonly method: string;
  resolve(did: string, options: DidResolveOptions): Promise<DidDocument>;
}
