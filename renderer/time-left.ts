// The window shows time left with the one formatter the terminal and the tray use.
export { formatTimeLeft } from '../main/shared/duration.ts';
