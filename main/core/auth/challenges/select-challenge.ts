import { BadInputError } from '../../errors.ts';
import { requirePassword, startSrp } from '../flow-parameters.ts';
import { jsonList, type PromptedChallenge } from './challenge-handler.ts';

function chosen(options: string[], select: string | undefined, name: string): string {
  if (!select)
    throw new BadInputError(
      `Choose one of ${options.join(', ')} (ctm login: --select ${name === 'SELECT_MFA_TYPE' ? 'METHOD' : 'CHALLENGE'}).`,
    );
  if (!options.includes(select))
    throw new BadInputError(`"${select}" is not offered; choose one of ${options.join(', ')}.`);
  return select;
}

/** SELECT_MFA_TYPE: the user has several MFA methods and picks one (MFAS_CAN_CHOOSE). */
export const selectMfaType: PromptedChallenge = {
  kind: 'prompted',
  prompt: (state) => Promise.resolve({ name: 'SELECT_MFA_TYPE', options: jsonList(state.parameters.MFAS_CAN_CHOOSE) }),
  respond: (state, answer) =>
    Promise.resolve({ ANSWER: chosen(jsonList(state.parameters.MFAS_CAN_CHOOSE), answer.select, 'SELECT_MFA_TYPE') }),
};

/** SELECT_CHALLENGE (USER_AUTH): the first factor to use; PASSWORD sends the password, PASSWORD_SRP starts SRP. */
export const selectChallenge: PromptedChallenge = {
  kind: 'prompted',
  prompt: (state) => Promise.resolve({ name: 'SELECT_CHALLENGE', options: state.availableChallenges }),
  respond(state, answer) {
    const choice = chosen(state.availableChallenges, answer.select, 'SELECT_CHALLENGE');
    if (answer.password) state.password = answer.password;
    if (choice === 'PASSWORD') return Promise.resolve({ ANSWER: choice, PASSWORD: requirePassword(state) });
    if (choice === 'PASSWORD_SRP') {
      requirePassword(state);
      return Promise.resolve({ ANSWER: choice, SRP_A: startSrp(state) });
    }
    return Promise.resolve({ ANSWER: choice });
  },
};
