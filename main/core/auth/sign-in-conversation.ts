import type { ChallengeAnswerResponse } from '../cognito/wire-types.ts';
import { BadInputError, CtmError } from '../errors.ts';
import { tokenSetFrom } from '../tokens/token-set.ts';
import { challengeHandler } from './challenges/index.ts';
import type { ConversationState, SignInContext } from './conversation-state.ts';
import { confirmNewDevice } from './device-confirmation.ts';
import { noDeviceMemory, type DeviceMemory } from './device-memory.ts';
import { initialParameters } from './flow-parameters.ts';
import { isUnknownDevice } from './unknown-device.ts';
import type { ChallengeAnswer, SignInCredentials, SignInOutcome } from './sign-in-types.ts';
import { requestEnvelope, withSecretHash } from './wire-envelope.ts';

export type { SignInContext } from './conversation-state.ts';

/** A cap on automatic steps in a row, so a misbehaving server cannot keep the conversation spinning. */
const MAX_AUTOMATIC_STEPS = 8;

/**
 * One sign-in, step by step: start -> challenge -> answer -> ... -> tokens. The UI and `ctm login` both
 * drive it. SRP proofs (PASSWORD_VERIFIER, DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER) are answered here
 * without the user; every other challenge comes back as a prompt.
 */
export class SignInConversation {
  private readonly state: ConversationState;

  constructor(context: SignInContext) {
    this.state = { context, username: '', rememberDevice: false, parameters: {}, availableChallenges: [] };
  }

  /** Sends InitiateAuth with the profile's flow (with the remembered device's DEVICE_KEY, if any). */
  async start(credentials: SignInCredentials): Promise<SignInOutcome> {
    const { profile } = this.state.context;
    const username = credentials.username ?? profile.username;
    if (!username)
      throw new BadInputError(
        `Profile "${profile.name}" has no username: give one (ctm login ${profile.name} --username NAME).`,
      );
    Object.assign(this.state, { username, rememberDevice: credentials.rememberDevice === true });
    if (credentials.password) this.state.password = credentials.password;
    const device = await this.devices().load();
    if (device) this.state.device = device;
    try {
      return await this.follow(await this.initiate(credentials));
    } catch (error) {
      if (!this.state.device || !isUnknownDevice(error)) throw error;
      // The pool forgot the device (or it belongs to another pool): forget it too and sign in without it.
      await this.devices().forget();
      delete this.state.device;
      return this.follow(await this.initiate(credentials));
    }
  }

  /** Answers the pending challenge; after a wrong code the same challenge may be answered again. */
  async answer(answer: ChallengeAnswer): Promise<SignInOutcome> {
    const name = this.state.challengeName;
    const handler = name ? challengeHandler(name) : undefined;
    if (!name || handler?.kind !== 'prompted')
      throw new BadInputError('There is no challenge waiting for an answer; start the sign-in again.');
    if (answer.rememberDevice !== undefined) this.state.rememberDevice = answer.rememberDevice;
    return this.follow(await this.respond(await handler.respond(this.state, answer)));
  }

  private async initiate(credentials: SignInCredentials): Promise<ChallengeAnswerResponse> {
    const { profile, clientSecret, client } = this.state.context;
    const { flow, parameters } = initialParameters(this.state, credentials);
    return client.call('InitiateAuth', {
      ...requestEnvelope(profile),
      AuthFlow: flow,
      AuthParameters: withSecretHash(parameters, this.state.username, profile.clientId, clientSecret),
    });
  }

  private respond(responses: Record<string, string>): Promise<ChallengeAnswerResponse> {
    const { profile, clientSecret, client } = this.state.context;
    const username = responses.USERNAME ?? this.state.username;
    return client.call('RespondToAuthChallenge', {
      ...requestEnvelope(profile),
      ChallengeName: this.state.challengeName ?? '',
      ChallengeResponses: withSecretHash(
        { ...responses, USERNAME: username },
        username,
        profile.clientId,
        clientSecret,
      ),
      ...(this.state.session ? { Session: this.state.session } : {}),
    });
  }

  /** Answers automatic challenges until tokens arrive or the user has to answer something. */
  private async follow(first: ChallengeAnswerResponse): Promise<SignInOutcome> {
    let response = first;
    for (let step = 0; step <= MAX_AUTOMATIC_STEPS; step++) {
      if (response.AuthenticationResult) return this.finish(response);
      const name = response.ChallengeName;
      if (!name) throw new CtmError('service', 'Cognito answered with neither tokens nor a challenge.');
      this.enter(name, response);
      const handler = challengeHandler(name);
      if (!handler)
        throw new CtmError(
          'service',
          `Cognito asked for the ${name} challenge, which this app cannot answer; choose another auth flow for the profile.`,
        );
      if (handler.kind === 'prompted') {
        // Only SELECT_CHALLENGE may still need the password; any other prompt comes after the first factor.
        if (name !== 'SELECT_CHALLENGE') delete this.state.password;
        return { kind: 'challenge', prompt: await handler.prompt(this.state) };
      }
      response = await this.respond(await handler.respond(this.state));
    }
    throw new CtmError('service', 'Cognito kept asking for automatic challenges; the sign-in was stopped.');
  }

  private enter(name: string, response: ChallengeAnswerResponse): void {
    const parameters = response.ChallengeParameters ?? {};
    const state = this.state;
    if (state.challengeName !== name) delete state.totpSecret;
    state.challengeName = name;
    state.parameters = parameters;
    state.availableChallenges = response.AvailableChallenges ?? [];
    delete state.session;
    if (response.Session) state.session = response.Session;
    // Cognito names the user canonically once it knows them; SECRET_HASH must follow that name.
    const canonical = parameters.USER_ID_FOR_SRP ?? parameters.USERNAME;
    if (canonical) state.username = canonical;
  }

  private async finish(response: ChallengeAnswerResponse): Promise<SignInOutcome> {
    const result = response.AuthenticationResult ?? {};
    let tokens = tokenSetFrom(result, this.state.context.now());
    this.state.challengeName = undefined;
    delete this.state.password;
    if (!result.NewDeviceMetadata) return { kind: 'tokens', tokens };
    const confirmation = await confirmNewDevice(
      this.state.context.client,
      tokens.accessToken,
      result.NewDeviceMetadata,
      this.state.rememberDevice,
    );
    if (confirmation?.kind === 'confirmed') await this.devices().save(confirmation.device, tokens.userId);
    if (confirmation?.kind !== 'unconfirmed') return { kind: 'tokens', tokens };
    // The sign-in succeeded, but Cognito will not renew tokens for a tracked device that was never confirmed: say so now and at that refusal.
    tokens = { ...tokens, unconfirmedDevice: true };
    return {
      kind: 'tokens',
      tokens,
      warning: `Signed in, but this computer could not be confirmed as a device of the user pool (${confirmation.reason}). Cognito renews tokens only for a confirmed device, so sign in again when these tokens expire.`,
    };
  }

  private devices(): DeviceMemory {
    return this.state.context.devices ?? noDeviceMemory;
  }
}
