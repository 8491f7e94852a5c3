import { CtmError } from '../../errors.ts';
import type { ConversationState } from '../conversation-state.ts';
import type { ChallengeAnswer, ChallengePrompt } from '../sign-in-types.ts';

/** A challenge the conversation answers by itself (SRP proofs): it only computes ChallengeResponses. */
export interface AutomaticChallenge {
  kind: 'automatic';
  respond(state: ConversationState): Promise<Record<string, string>>;
}

/** A challenge the user answers: what to show them, then the ChallengeResponses made from their answer. */
export interface PromptedChallenge {
  kind: 'prompted';
  prompt(state: ConversationState): Promise<ChallengePrompt>;
  respond(state: ConversationState, answer: ChallengeAnswer): Promise<Record<string, string>>;
}

/** How the conversation handles one challenge name. USERNAME and SECRET_HASH are added by the conversation. */
export type ChallengeHandler = AutomaticChallenge | PromptedChallenge;

/** A challenge parameter Cognito must have sent; its absence is a service fault, not the user's. */
export function challengeParameter(state: ConversationState, name: string): string {
  const value = state.parameters[name];
  if (!value) throw new CtmError('service', `Cognito sent the ${state.challengeName ?? ''} challenge without ${name}.`);
  return value;
}

/** Reads a JSON array of strings from a challenge parameter (MFAS_CAN_CHOOSE, requiredAttributes, ...). */
export function jsonList(text: string | undefined): string[] {
  if (!text) return [];
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
