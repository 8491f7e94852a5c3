import { ALL_SPECS } from './all-specs.ts';
import type { CommandSpec } from './command-spec.ts';
import { flagLabel } from './render-help.ts';

/** The markers around the generated table in README.md. */
export const README_TABLE_START =
  '<!-- ctm-commands: generated from main/cli/spec by test/support/readme-commands.ts; do not edit -->';
/** The end marker. */
export const README_TABLE_END = '<!-- /ctm-commands -->';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** An earlier command whose every flag (3 or more) this one shares: its flags are named by reference, once. */
function sharedWith(spec: CommandSpec, earlier: readonly CommandSpec[]): CommandSpec | undefined {
  return earlier.find(
    (e) =>
      Object.keys(e.flags).length >= 3 && Object.entries(e.flags).every(([name, flag]) => spec.flags[name] === flag),
  );
}

function row(spec: CommandSpec, earlier: readonly CommandSpec[]): string {
  const usage = ['ctm', spec.name, spec.args?.label, spec.passThrough].filter(Boolean).join(' ');
  const shared = sharedWith(spec, earlier);
  const own = Object.entries(spec.flags).filter(([name]) => !shared || !Object.hasOwn(shared.flags, name));
  const flags = [
    ...(shared ? [`every flag of \`ctm ${shared.name}\``] : []),
    ...own.map(([name, flag]) => `\`${flagLabel(name, flag)}\` ${flag.description}`),
  ];
  const what = `${spec.summary}${flags.length > 0 ? `. ${flags.join('; ')}` : ''}`;
  return `| \`${cell(usage)}\` | ${cell(what)} |`;
}

/** The README's command table, one row per command, made from the specs (with the markers). */
export function readmeCommandTable(): string {
  const shown = ALL_SPECS.filter((s) => !s.hidden);
  const rows = shown.map((spec, i) => row(spec, shown.slice(0, i)));
  return [
    README_TABLE_START,
    '',
    '| Command | What it does, and its flags |',
    '|---|---|',
    ...rows,
    '',
    README_TABLE_END,
  ].join('\n');
}
