import { BadInputError } from '../../errors.ts';
import type { PromptedChallenge } from './challenge-handler.ts';

/** CUSTOM_CHALLENGE: whatever the pool's Lambda asks (its public parameters), answered with ANSWER, round after round. */
export const customChallenge: PromptedChallenge = {
  kind: 'prompted',
  prompt(state) {
    const parameters = Object.fromEntries(
      Object.entries(state.parameters).filter(([name]) => name !== 'USERNAME' && name !== 'USER_ID_FOR_SRP'),
    );
    return Promise.resolve({ name: 'CUSTOM_CHALLENGE', parameters });
  },
  respond(_state, answer) {
    if (answer.answer === undefined || answer.answer === '')
      throw new BadInputError('The custom challenge needs an answer (ctm login: --answer TEXT, once per round).');
    return Promise.resolve({ ANSWER: answer.answer });
  },
};
