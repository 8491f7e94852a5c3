import { cognitoEndpoint } from '../cognito/endpoint.ts';
import type { FlowKind } from '../auth/flows/sign-in-flow.ts';
import { createUserPoolFlow } from '../auth/flows/user-pool-flow.ts';
import { AdminCognitoClient } from './admin-cognito-client.ts';

/**
 * The administrator kind (ADMIN_USER_PASSWORD_AUTH): the user-pool conversation and its challenges, its first step and
 * answers through the IAM-signed AdminInitiateAuth / AdminRespondToAuthChallenge; renewal and sign-out as the user's.
 */
export const adminApi: FlowKind = {
  signIn: 'password',
  renewsWithoutSession: false,
  passwordRequired: () => true,
  create: (profile, services) =>
    createUserPoolFlow(
      profile,
      services,
      new AdminCognitoClient(
        services.transport,
        cognitoEndpoint(profile.region, profile.endpoint, profile.fips),
        profile,
      ),
    ),
};
