// Environments, once for every face (window, tray, ctm): which ones exist, their colours, the one a profile is in
// (its own, or suggested from its name, pool and endpoint), and the order groups are shown in.

/** The colours an environment can carry; the window maps each to a themed CSS variable, the tray and ctm to words. */
export const ENVIRONMENT_COLOURS = ['green', 'amber', 'red', 'blue', 'purple', 'teal', 'pink', 'grey'] as const;
/** One environment colour. */
export type EnvironmentColour = (typeof ENVIRONMENT_COLOURS)[number];

/** The environments every user has, in the order their groups are shown. */
export const BUILT_IN_ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;

/** An environment's name: 1 to 24 lower-case letters, digits or "-" (built-in or the user's own, such as "qa"). */
export const ENVIRONMENT_NAME = /^[a-z0-9][a-z0-9-]{0,23}$/;

const BUILT_IN_COLOUR: Record<string, EnvironmentColour> = { dev: 'green', staging: 'amber', prod: 'red' };
const BUILT_IN_LABEL: Record<string, string> = { dev: 'Development', staging: 'Staging', prod: 'Production' };

/** What the window, the tray and ctm need to show a profile's environment. */
export interface EnvironmentInfo {
  /** "dev", "staging", "prod", a user's own name, or "" for none. */
  name: string;
  /** The group's heading: "Production", "qa", "No environment". */
  label: string;
  colour: EnvironmentColour;
  /** Whether the name was guessed from the profile (nothing stored yet), so the edit form can say so. */
  suggested: boolean;
  /** Production: shown with a warning mark everywhere. */
  production: boolean;
}

/** The parts of a profile an environment is decided from (a ProfileView, a stored Profile or an imported one). */
export interface EnvironmentSource {
  name: string;
  userPoolId: string;
  environment?: string | undefined;
  environmentColour?: string | undefined;
}

// Whole words only: "prod" in "prod-api" or "orders.prod", never in "product"; "stage" and "stg" count as staging.
const GUESSES: [string, RegExp][] = [
  ['prod', /(^|[^a-z])(prod|production|prd|live)([^a-z]|$)/i],
  ['staging', /(^|[^a-z])(staging|stage|stg|preprod|uat)([^a-z]|$)/i],
  ['dev', /(^|[^a-z])(dev|develop|development|test|sandbox|local)([^a-z]|$)/i],
];

/** The environment a profile's name or pool id suggests ("orders-prod" -> prod), or "" when neither says. */
export function suggestEnvironment(name: string, userPoolId = ''): string {
  for (const text of [name, userPoolId]) {
    for (const [environment, pattern] of GUESSES) if (pattern.test(text)) return environment;
  }
  return '';
}

/** A colour for an environment: its own, the built-in one, or one picked from its name (stable across runs). */
export function environmentColour(name: string, own?: string): EnvironmentColour {
  if (own && (ENVIRONMENT_COLOURS as readonly string[]).includes(own)) return own as EnvironmentColour;
  if (BUILT_IN_COLOUR[name]) return BUILT_IN_COLOUR[name];
  if (name === '') return 'grey';
  let hash = 0;
  for (const c of name) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  const custom = ['blue', 'purple', 'teal', 'pink'] as const;
  return custom[hash % custom.length] ?? 'blue';
}

/** The environment a profile is in: the one it carries, else the one its name or pool suggests. */
export function environmentOf(profile: EnvironmentSource): EnvironmentInfo {
  const own = profile.environment ?? '';
  const name = own || suggestEnvironment(profile.name, profile.userPoolId);
  return {
    name,
    label: BUILT_IN_LABEL[name] ?? (name || 'No environment'),
    colour: environmentColour(name, profile.environmentColour),
    suggested: own === '' && name !== '',
    production: name === 'prod',
  };
}

/** Where an environment's group goes: dev, staging, prod, then the user's own by name, then profiles without one. */
export function environmentRank(name: string): [number, string] {
  const builtIn = (BUILT_IN_ENVIRONMENTS as readonly string[]).indexOf(name);
  if (builtIn >= 0) return [builtIn, ''];
  return name === '' ? [BUILT_IN_ENVIRONMENTS.length + 1, ''] : [BUILT_IN_ENVIRONMENTS.length, name];
}

/** Sorts environment names into display order. */
export function compareEnvironments(a: string, b: string): number {
  const [ra, na] = environmentRank(a);
  const [rb, nb] = environmentRank(b);
  return ra - rb || na.localeCompare(nb);
}
