import { BadInputError } from '../../core/errors.ts';
import type { FlagValues } from '../spec/command-spec.ts';
import type { PROFILE_FIELD_FLAGS } from '../spec/commands/profile-field-flags.ts';

/** What the parser gives back for the profile field flags. */
export type ProfileFieldValues = FlagValues<typeof PROFILE_FIELD_FLAGS>;

/**
 * Turns flags into profile fields. Only flags that were given appear, so an edit changes only those; with
 * `clearable`, an empty value ("") removes an optional field.
 */
export function fieldsFromFlags(values: ProfileFieldValues, clearable: boolean): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const set = (key: string, value: string | undefined, optional: boolean): void => {
    if (value === undefined) return;
    if (value === '' && optional && clearable) fields[key] = undefined;
    else fields[key] = value;
  };
  set('region', values.region, false);
  set('userPoolId', values['user-pool-id'], false);
  set('clientId', values['client-id'], false);
  set('username', values.username, true);
  set('authFlow', values['auth-flow'], false);
  set('preferredChallenge', values['preferred-challenge'], true);
  set('refreshMethod', values['refresh-method'], false);
  set('endpoint', values.endpoint, true);
  set('analyticsEndpointId', values['analytics-endpoint-id'], true);
  set('userContextData', values['user-context-data'], true);
  if (values['client-metadata'] !== undefined) fields.clientMetadata = clientMetadata(values['client-metadata']);
  if (values['auto-refresh'] !== undefined) fields.autoRefresh = values['auto-refresh'];
  if (values.fips !== undefined) fields.fips = values.fips;
  set('domain', values.domain?.replace(/\/+$/, ''), true);
  set('identityProvider', values['identity-provider'], true);
  set('idpIdentifier', values['idp-identifier'], true);
  set('identityPoolId', values['identity-pool-id'], true);
  set('identityEndpoint', values['identity-endpoint'], true);
  set('roleArn', values['role-arn'], true);
  set('awsProfile', values['aws-profile'], true);
  const port = values['callback-port'];
  if (port !== undefined)
    fields.callbackPort = port === '' && clearable ? undefined : /^\d+$/.test(port) ? Number(port) : port;
  // A lone --scope "" clears the list (on edit): the client's allowed scopes apply again.
  if (values.scope !== undefined)
    fields.scopes = values.scope.every((scope) => scope === '') && clearable ? undefined : values.scope;
  return fields;
}

/** KEY=VALUE pairs as a record; a lone "" clears it (on edit). */
function clientMetadata(pairs: string[]): Record<string, string> | undefined {
  if (pairs.every((pair) => pair === '')) return undefined;
  const metadata: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new BadInputError(`--client-metadata expects KEY=VALUE (got "${pair}").`);
    metadata[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return metadata;
}
