/** HTML-escapes text for an attribute or element body. */
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE =
  'body{font-family:sans-serif;max-width:22rem;margin:3rem auto}label,input{display:block;width:100%;margin:.3rem 0}';

/**
 * The classic hosted UI's sign-in form: fields `username` and `password`, a `_csrf` hidden field and the
 * `signInSubmitButton` submit, posted back to /login with the authorize query (as Cognito's classic page does).
 */
export function loginPage(query: string, csrf: string, problem?: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Signin</title><style>${STYLE}</style></head><body>
<form name="cognitoSignInForm" method="post" action="/login?${escape(query)}">
${problem ? `<p id="loginErrorMessage" class="errorMessage-customizable">${escape(problem)}</p>` : ''}
<input type="hidden" name="_csrf" value="${escape(csrf)}">
<label for="signInFormUsername">Username</label><input id="signInFormUsername" name="username" type="text" autocapitalize="none" required>
<label for="signInFormPassword">Password</label><input id="signInFormPassword" name="password" type="password" required>
<input name="signInSubmitButton" type="submit" value="Sign in">
</form></body></html>`;
}

/** The TOTP step of the classic hosted UI: one `totpCode` field, posted to /mfa with the pending session. */
export function totpPage(query: string, session: string, problem?: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>MFA</title><style>${STYLE}</style></head><body>
<form name="totpForm" method="post" action="/mfa?${escape(query)}">
${problem ? `<p id="totpErrorMessage">${escape(problem)}</p>` : ''}
<input type="hidden" name="session" value="${escape(session)}">
<label for="totpCode">Enter the code from your authenticator app</label><input id="totpCode" name="totpCode" type="text" inputmode="numeric" autocomplete="one-time-code" required>
<input name="signInSubmitButton" type="submit" value="Sign in">
</form></body></html>`;
}

/** Cognito's error page for a request that cannot be sent back to the app. */
export function errorPage(message: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Error</title></head><body><p id="errorMessage">${escape(message)}</p></body></html>`;
}
