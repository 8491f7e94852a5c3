import { commandSpec } from '../command-spec.ts';

/** `ctm help`. */
export const HELP_SPEC = commandSpec({
  name: 'help',
  summary: "shows ctm's commands, or one command's flags, examples and related commands",
  args: { label: '[COMMAND]', kind: 'command', min: 0, max: 2, what: 'command' },
  flags: {},
  examples: [
    { run: 'ctm help token', what: 'the same as ctm token --help' },
    { run: 'ctm help profile add', what: 'a subcommand' },
  ],
  related: ['completion'],
});
