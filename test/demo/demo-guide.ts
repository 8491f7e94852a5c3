import { DEMO_PROFILES, DEMO_TOTP_SECRET } from './demo-profiles.ts';

/** Shell-quotes a value for the printed commands. */
function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The environment block to paste: it points `ctm` at the demo's config folder (and keychain, when private). */
export function envBlock(cli: string, env: Record<string, string>): string[] {
  return [
    ...Object.entries(env).map(([key, value]) => `export ${key}=${quote(value)}`),
    `ctm() { node ${quote(cli)} "$@"; }`,
  ];
}

/** The commands that show, on a terminal, what the window shows: sign-ins of every kind, state, tokens, renewal. */
export function demoCommands(totpHelper: string): string[] {
  const [password, srp, newPassword, totp, confidential] = DEMO_PROFILES;
  if (!password || !srp || !newPassword || !totp || !confidential) throw new Error('demo profiles missing');
  return [
    `printf '%s\\n' ${quote(password.password)} | ctm login ${password.name} --password-stdin`,
    'ctm status',
    `ctm token ${password.name} --format json`,
    `ctm exec ${password.name} -- sh -c 'echo "$CTM_PROFILE: access token of \${#CTM_ACCESS_TOKEN} characters"'`,
    `printf '%s\\n' ${quote(srp.password)} | ctm login ${srp.name} --password-stdin`,
    `printf '%s\\n%s\\n' ${quote(newPassword.password)} 'A-New-Password-1' | ctm login ${newPassword.name} --password-stdin --new-password-stdin`,
    `printf '%s\\n' ${quote(confidential.password)} | ctm login ${confidential.name} --password-stdin`,
    `printf '%s\\n' ${quote(totp.password)} | ctm login ${totp.name} --password-stdin --mfa-code "$(node --no-warnings ${quote(totpHelper)})"    # or ctm login ${totp.name}, with an authenticator app on secret ${DEMO_TOTP_SECRET}`,
    `ctm token ${password.name} --min-ttl 119.999 --format json    # tokens live 2 minutes: asking for all but 1 ms of that renews them`,
    `ctm logout ${password.name}`,
  ];
}
