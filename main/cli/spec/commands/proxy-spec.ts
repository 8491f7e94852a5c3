import { TOKEN_KINDS } from '../../../core/tokens/token-format.ts';
import { commandSpec } from '../command-spec.ts';

/** `ctm proxy`. */
export const PROXY_SPEC = commandSpec({
  name: 'proxy',
  summary: "forwards local requests to an API with the profile's fresh token in their Authorization header",
  details: `A local reverse proxy for tools that cannot get a token themselves (a front-end dev server, curl, a load test):
every request to the URL it prints is forwarded to --target with "Authorization: Bearer <fresh token>" of the
profile (the --type token, access by default; any Authorization sent is replaced). The token is renewed before it
expires, and a 401 from the target renews it once and sends the request again when its body is at most 1 MiB.
Bodies stream both ways and WebSocket upgrades pass through. It listens on 127.0.0.1 only (--port, else a free port),
under a random path that changes every run: only who can read its output can use it. Ctrl-C stops it.`,
  args: { label: 'NAME', kind: 'profile', min: 1, max: 1, what: 'profile name' },
  flags: {
    target: {
      type: 'string',
      value: 'URL',
      description: 'the API to forward to, such as https://api.example.com (required)',
    },
    port: { type: 'string', value: 'PORT', description: 'the port on 127.0.0.1 (default: a free one)' },
    type: {
      type: 'string',
      choices: TOKEN_KINDS,
      description: 'which token to send: the access token (default) or the ID token',
    },
  },
  examples: [
    {
      run: 'ctm proxy dev --target https://api.example.com --port 8787',
      what: 'then point the dev server at the URL it prints',
    },
  ],
  related: ['exec', 'token', 'endpoint credentials'],
});
