import { BadInputError } from '../../errors.ts';
import { jsonList, type PromptedChallenge } from './challenge-handler.ts';

/** NEW_PASSWORD_REQUIRED: a new password plus the pool's required attributes the user lacks. */
export const newPasswordRequired: PromptedChallenge = {
  kind: 'prompted',
  prompt(state) {
    const requiredAttributes = jsonList(state.parameters.requiredAttributes).map((name) =>
      name.replace(/^userAttributes\./, ''),
    );
    return Promise.resolve({ name: 'NEW_PASSWORD_REQUIRED', requiredAttributes });
  },
  respond(state, answer) {
    if (!answer.newPassword) throw new BadInputError('A new password is needed (ctm login: --new-password-stdin).');
    const required = jsonList(state.parameters.requiredAttributes).map((name) => name.replace(/^userAttributes\./, ''));
    const attributes = answer.attributes ?? {};
    const missing = required.filter((name) => !attributes[name]);
    if (missing.length > 0) throw new BadInputError(`The user pool also needs: ${missing.join(', ')}.`);
    const userAttributes = Object.fromEntries(
      Object.entries(attributes).map(([name, value]) => [`userAttributes.${name}`, value]),
    );
    return Promise.resolve({ NEW_PASSWORD: answer.newPassword, ...userAttributes });
  },
};
