// What the inspector shows of a token, declared once: main/core/tokens/token-inspection.ts makes it, `ctm inspect`
// prints it, and the window receives it through the IPC contract (as TokenInspectionView).

import type { TokenKind } from './copy-formats.ts';

/** A token decoded for people: header, claims, times, scopes, groups and whether its signature verifies. No token, no signature. */
export interface TokenInspection {
  kind: TokenKind;
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  /** Epoch milliseconds, from `iat` / `exp`. */
  issuedAt?: number;
  expiresAt?: number;
  scopes: string[];
  groups: string[];
  /** The issuer the pool's tokens must carry, and where its keys are published. */
  issuer: string;
  jwksUrl: string;
  /** Whether the signature verifies against the pool's JWKS and the issuer matches; `detail` says why not. */
  signature: { verified: boolean; detail: string };
}
