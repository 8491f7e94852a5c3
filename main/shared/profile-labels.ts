// Words for a profile's kind and endpoint, the same in the window, the tray and ctm.

const FLOW_LABELS: Record<string, string> = {
  USER_SRP_AUTH: 'Password (SRP)',
  USER_PASSWORD_AUTH: 'Password',
  CUSTOM_AUTH: 'Custom challenge',
  USER_AUTH: 'Choice-based sign-in',
  ADMIN_USER_PASSWORD_AUTH: 'Admin password',
  ADMIN_NO_SRP_AUTH: 'Admin password',
  MANAGED_LOGIN: 'Managed login (browser)',
  CLIENT_CREDENTIALS: 'Client credentials (machine to machine)',
};

/** "Password (SRP)" for USER_SRP_AUTH: how the profile signs in, in words. */
export function flowLabel(authFlow: string): string {
  return FLOW_LABELS[authFlow] ?? authFlow;
}

/** What a profile's endpoint is: Cognito itself (""), an emulator on this machine, or some other custom endpoint. */
export type EndpointMark = '' | 'emulator' | 'custom endpoint';

/** Marks a custom endpoint: requests go somewhere other than Cognito, which a person must be able to see at a glance. */
export function endpointMark(endpoint: string | undefined): EndpointMark {
  if (!endpoint) return '';
  const host = /^https?:\/\/([^/:?#]+|\[[^\]]+\])/i.exec(endpoint)?.[1] ?? '';
  return /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(host) ? 'emulator' : 'custom endpoint';
}
