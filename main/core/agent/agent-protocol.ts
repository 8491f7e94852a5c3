import type { AwsCredentials } from '../aws/aws-credentials.ts';
import { isWellFormedJwt } from '../tokens/jwt-shape.ts';
import type { TokenSet } from '../tokens/token-set.ts';

/**
 * What `ctm` and the token agent say over the agent's socket: one JSON line each way, then the agent closes. The
 * agent hands out access and ID tokens only, never a refresh token, a client secret or the cache key.
 */
export const AGENT_PROTOCOL_VERSION = 1;

/** A message longer than this is refused: a reply carries at most a few tokens of a few KB each. */
export const MAX_AGENT_MESSAGE_BYTES = 256 * 1024;

/** A request longer than this is refused: the longest one ("token" with a 256-character profile) is far shorter. */
export const MAX_AGENT_REQUEST_BYTES = 1024;

/** A question to the agent. `profile` is a name or id; without it, the app's default profile. */
export type AgentRequest =
  | { v: 1; op: 'token'; profile?: string }
  | { v: 1; op: 'aws-credentials'; profile: string }
  | { v: 1; op: 'status' }
  | { v: 1; op: 'stop' };

/** The cached tokens of a profile, as `ctm token` prints them: a session's fields but its refresh token and origin. */
export interface AgentTokens extends Pick<
  TokenSet,
  'accessToken' | 'idToken' | 'tokenType' | 'expiresAt' | 'issuedAt'
> {
  profileId: string;
  profileName: string;
}

/** A profile's cached identity-pool AWS credentials, as `ctm aws-credentials` prints them (main/core/aws). */
export interface AgentAwsCredentials extends AwsCredentials {
  profileId: string;
  profileName: string;
}

/** Who answers: a `ctm agent` process, or the desktop app. */
export type AgentHost = 'ctm' | 'app';

/** What `ctm agent status` shows. */
export interface AgentStatus {
  pid: number;
  host: AgentHost;
  version: string;
  startedAt: number;
  /** Token requests answered since it started (hits and misses). */
  requests: number;
}

/** An answer: tokens (or none cached), a status, a stop acknowledged, or a refusal with a reason a person can act on. */
export type AgentReply =
  | { v: 1; ok: true; tokens?: AgentTokens }
  | { v: 1; ok: true; aws: AgentAwsCredentials }
  | { v: 1; ok: true; status: AgentStatus }
  | { v: 1; ok: true; stopping: true }
  | { v: 1; ok: false; error: string };

/** A request line as the agent receives it, checked field by field; anything else is a reason string. */
export function parseAgentRequest(line: string): AgentRequest | string {
  const value = parseObject(line);
  if (value === undefined) return 'The request is not a JSON object.';
  if (value.v !== AGENT_PROTOCOL_VERSION)
    return `This agent speaks protocol ${AGENT_PROTOCOL_VERSION}; restart it after updating ctm.`;
  if (value.op === 'status' || value.op === 'stop') return { v: 1, op: value.op };
  if (value.op === 'aws-credentials')
    return typeof value.profile === 'string' && value.profile !== '' && value.profile.length <= 256
      ? { v: 1, op: 'aws-credentials', profile: value.profile }
      : 'The profile must be a name or id.';
  if (value.op !== 'token') return 'Unknown request.';
  if (value.profile === undefined) return { v: 1, op: 'token' };
  if (typeof value.profile !== 'string' || value.profile === '' || value.profile.length > 256)
    return 'The profile must be a name or id.';
  return { v: 1, op: 'token', profile: value.profile };
}

/**
 * A reply line as `ctm` receives it; undefined for anything not well formed (ctm then reads the keychain itself). Tokens
 * must be well-formed JWTs and names plain text: an agent's answer is printed, exported and evaluated by shells.
 */
export function parseAgentReply(line: string): AgentReply | undefined {
  const value = parseObject(line);
  if (value?.v !== AGENT_PROTOCOL_VERSION || typeof value.ok !== 'boolean') return undefined;
  if (!value.ok) return typeof value.error === 'string' ? { v: 1, ok: false, error: value.error } : undefined;
  if (value.stopping === true) return { v: 1, ok: true, stopping: true };
  if (value.status !== undefined) return isStatus(value.status) ? { v: 1, ok: true, status: value.status } : undefined;
  if (value.aws !== undefined) return isAwsCredentials(value.aws) ? { v: 1, ok: true, aws: value.aws } : undefined;
  if (value.tokens === undefined) return { v: 1, ok: true };
  return isTokens(value.tokens) ? { v: 1, ok: true, tokens: value.tokens } : undefined;
}

function parseObject(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function isTokens(value: unknown): value is AgentTokens {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Record<string, unknown>;
  return (
    isPlainName(t.profileId) &&
    isPlainName(t.profileName) &&
    isWellFormedJwt(t.accessToken) &&
    typeof t.tokenType === 'string' &&
    /^[A-Za-z]{1,32}$/.test(t.tokenType) &&
    (t.idToken === undefined || isWellFormedJwt(t.idToken)) &&
    Number.isFinite(t.expiresAt) &&
    Number.isFinite(t.issuedAt)
  );
}

/** AWS credentials as a reply may carry them: visible ASCII only (they are printed as JSON and exported by shells). */
function isAwsCredentials(value: unknown): value is AgentAwsCredentials {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Record<string, unknown>;
  const visible = (v: unknown, max: number): boolean =>
    typeof v === 'string' && v.length > 0 && v.length <= max && /^[\x21-\x7e]+$/.test(v);
  return (
    isPlainName(a.profileId) &&
    isPlainName(a.profileName) &&
    visible(a.accessKeyId, 128) &&
    visible(a.secretAccessKey, 128) &&
    visible(a.sessionToken, 8192) &&
    visible(a.identityId, 64) &&
    visible(a.region, 32) &&
    Number.isFinite(a.expiresAt) &&
    Number.isFinite(a.issuedAt)
  );
}

/** A profile's id or name as a reply may carry it: short, and no control characters (it reaches a terminal). */
function isPlainName(value: unknown): value is string {
  if (typeof value !== 'string' || value === '' || value.length > 256) return false;
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u001f\u007f-\u009f]/.test(value);
}

function isStatus(value: unknown): value is AgentStatus {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    Number.isInteger(s.pid) &&
    (s.host === 'ctm' || s.host === 'app') &&
    typeof s.version === 'string' &&
    Number.isFinite(s.startedAt) &&
    Number.isInteger(s.requests)
  );
}
