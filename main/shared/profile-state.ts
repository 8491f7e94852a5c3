// The one state model of a profile, declared once: the scheduler decides it (main/core/scheduler/profile-state.ts), and
// the window, the tray and `ctm status` show it (the IPC contract carries it in ProfileView.state).

/**
 * Where a profile stands:
 * - `signed-out`: no session;
 * - `fresh`: a session whose renewal is on track (renewed before it expires, or at its next use by `ctm`);
 * - `renewing`: a renewal is running;
 * - `retrying`: the last renewal failed; the stored refresh token is kept and tried again (at `nextRefreshAt`, or at the
 *   next catch-up or use when the problem needs someone to fix it); `problem` says what failed;
 * - `needs-sign-in`: Cognito refused the refresh token, or the session expired with none;
 * - `off`: a session that is not renewed (automatic renewal is off for the profile, or it has no refresh token).
 */
export type ProfileState = 'signed-out' | 'fresh' | 'renewing' | 'retrying' | 'needs-sign-in' | 'off';
