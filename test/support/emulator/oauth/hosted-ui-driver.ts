/** What a person types on the login pages. */
export interface HostedUiLogin {
  username: string;
  password: string;
  /** The TOTP code, asked for only when the page shows the MFA step. */
  totp?: () => string;
}

/** Where the hosted UI sent the browser in the end (the app's redirect_uri with code or error). */
export interface HostedUiResult {
  callbackUrl: string;
  /** The status the callback (the app's loopback listener) answered, when it was followed. */
  callbackStatus?: number;
}

function hidden(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!match?.[1]) throw new Error(`the page has no ${name} field`);
  return match[1];
}

/**
 * Drives the emulator's classic hosted UI with plain HTTP as a browser would (cookie, hidden fields, redirects),
 * from the /oauth2/authorize URL the app produced to its redirect_uri; with `follow`, the callback is requested too.
 */
export async function signInThroughHostedUi(
  authorizeUrl: string,
  login: HostedUiLogin,
  follow = true,
): Promise<HostedUiResult> {
  const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
  const loginUrl = new URL(authorize.headers.get('location') ?? '', authorizeUrl).toString();
  const page = await fetch(loginUrl);
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const form = { 'content-type': 'application/x-www-form-urlencoded', cookie };
  let answer = await fetch(loginUrl, {
    method: 'POST',
    redirect: 'manual',
    headers: form,
    body: new URLSearchParams({
      _csrf: hidden(await page.text(), '_csrf'),
      username: login.username,
      password: login.password,
      signInSubmitButton: 'Sign in',
    }).toString(),
  });
  if (answer.status === 200) {
    const html = await answer.text();
    if (!html.includes('name="totpCode"')) throw new Error('the login page did not accept the password');
    const mfaUrl = new URL(`/mfa${new URL(loginUrl).search}`, loginUrl).toString();
    answer = await fetch(mfaUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: form,
      body: new URLSearchParams({ session: hidden(html, 'session'), totpCode: login.totp?.() ?? '' }).toString(),
    });
  }
  const callbackUrl = answer.headers.get('location');
  if (answer.status !== 302 || !callbackUrl)
    throw new Error(`the hosted UI answered ${answer.status} instead of redirecting to the app`);
  if (!follow) return { callbackUrl };
  return { callbackUrl, callbackStatus: (await fetch(callbackUrl)).status };
}
