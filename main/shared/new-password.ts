// A new password is typed twice, in ctm (main/cli/commands/login-challenges.ts) and in the window
// (renderer/sign-in-dialog.ts): one typo would set a password nobody knows. Pure, so both projects compile it.

/** What both say when the two differ (nothing is sent to Cognito). */
export const PASSWORDS_DIFFER = 'The two passwords differ; nothing was sent. Type the new password twice again.';
