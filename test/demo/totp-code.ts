import { totpCode } from '../support/emulator/index.ts';
import { DEMO_TOTP_SECRET } from './demo-profiles.ts';

// Prints the demo TOTP user's current code, as an authenticator app holding the demo secret would show it.
process.stdout.write(`${totpCode(DEMO_TOTP_SECRET, Date.now())}\n`);
