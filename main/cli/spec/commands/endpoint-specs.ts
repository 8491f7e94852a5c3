import { commandSpec } from '../command-spec.ts';

const ENDPOINT_DETAILS = `A local OAuth 2.0 token endpoint (client-credentials grant) for API clients such as Postman, Insomnia, Bruno and
Hoppscotch: client id = profile name, client secret = a local secret kept in the keychain. It answers with the
profile's access token, or its ID token when the scope contains id_token, renewed first when about to expire.
The token agent (the app's, or "ctm agent") serves it on 127.0.0.1 at the port of "ctm endpoint settings".`;
const RELATED = ['endpoint credentials', 'endpoint run', 'endpoint settings', 'agent start'];
const others = (name: string): string[] => RELATED.filter((r) => r !== name);
const PORT = {
  type: 'string',
  value: 'PORT',
  description: 'the port on 127.0.0.1 (1024 to 65535; 0: any free port for run, none served by the agent for settings)',
} as const;

/** `ctm endpoint credentials`. */
export const ENDPOINT_CREDENTIALS_SPEC = commandSpec({
  name: 'endpoint credentials',
  summary: "prints the local token endpoint's URL, client id and client secret for a profile",
  details: ENDPOINT_DETAILS,
  args: { label: 'NAME', kind: 'profile', min: 1, max: 1, what: 'profile name' },
  flags: {
    json: { type: 'boolean', description: 'as JSON: tokenUrl, clientId, clientSecret' },
    rotate: { type: 'boolean', description: 'make a new client secret first (the old one stops working)' },
  },
  examples: [{ run: 'ctm endpoint credentials dev', what: "what to paste into Postman's OAuth 2.0 form" }],
  related: others('endpoint credentials'),
});

/** `ctm endpoint run`. */
export const ENDPOINT_RUN_SPEC = commandSpec({
  name: 'endpoint run',
  summary: 'serves the local token endpoint in the foreground until Ctrl-C, printing its token URL',
  details: ENDPOINT_DETAILS,
  flags: { port: PORT },
  examples: [{ run: 'ctm endpoint run --port 0', what: 'on any free port' }],
  related: others('endpoint run'),
});

/** `ctm endpoint settings`. */
export const ENDPOINT_SETTINGS_SPEC = commandSpec({
  name: 'endpoint settings',
  summary: "shows or changes the local token endpoint's port and the web pages allowed to call it",
  details: ENDPOINT_DETAILS,
  flags: {
    port: PORT,
    'allow-origin': {
      type: 'string',
      multiple: true,
      value: 'ORIGIN',
      description: 'let this web page call it (https://hoppscotch.io: scheme, host, port; repeatable)',
    },
    'forget-origin': {
      type: 'string',
      multiple: true,
      value: 'ORIGIN',
      description: 'stop letting this web page call it (repeatable)',
    },
  },
  examples: [
    {
      run: 'ctm endpoint settings --port 8765 --allow-origin https://hoppscotch.io',
      what: 'a fixed port, and Hoppscotch in a browser',
    },
  ],
  related: others('endpoint settings'),
});
