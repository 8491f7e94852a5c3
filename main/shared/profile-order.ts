// The one order of profiles, for the window's groups and the tray's sections: pinned first, then by environment
// (dev, staging, prod, the user's own, none), by name within a group.
import { compareEnvironments, environmentOf, type EnvironmentColour, type EnvironmentSource } from './environments.ts';

/** A profile as the ordering reads it. */
export interface OrderSource extends EnvironmentSource {
  pinned?: boolean | undefined;
}

/** One group of profiles: pinned, or one environment. */
export interface ProfileGroup<P> {
  /** "pinned", "env-prod", "env-" for none: stable, usable in element ids. */
  key: string;
  /** "Pinned", "Production", "qa", "No environment". */
  label: string;
  /** The environment's colour (none for the pinned group). */
  colour?: EnvironmentColour;
  profiles: P[];
}

const byName = <P extends { name: string }>(a: P, b: P): number =>
  a.name.localeCompare(b.name, undefined, { numeric: true });

/** Profiles in groups, in display order; a pinned profile is shown in the pinned group only. */
export function profileGroups<P extends OrderSource>(profiles: readonly P[]): ProfileGroup<P>[] {
  const pinned = profiles.filter((p) => p.pinned === true).sort(byName);
  const byEnvironment = new Map<string, ProfileGroup<P>>();
  for (const p of profiles) {
    if (p.pinned === true) continue;
    const env = environmentOf(p);
    const group = byEnvironment.get(env.name) ?? {
      key: `env-${env.name}`,
      label: env.label,
      colour: env.colour,
      profiles: [],
    };
    group.profiles.push(p);
    byEnvironment.set(env.name, group);
  }
  const groups = [...byEnvironment.entries()]
    .sort(([a], [b]) => compareEnvironments(a, b))
    .map(([, group]) => ({ ...group, profiles: group.profiles.sort(byName) }));
  return pinned.length > 0 ? [{ key: 'pinned', label: 'Pinned', profiles: pinned }, ...groups] : groups;
}
