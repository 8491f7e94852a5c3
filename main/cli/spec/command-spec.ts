/**
 * The one description of a `ctm` command. The parser (parse-command.ts), `--help` (render-help.ts), shell completion
 * (completion/complete-words.ts) and the README's command table (readme-table.ts) are all made from it, and
 * test/unit/cli/command-specs.test.ts fails when any of them, or a handler, drifts from it.
 */

/** One flag: `--name` with no value (a switch) or with one (a string), possibly repeated, possibly one of fixed values. */
export interface FlagSpec {
  readonly type: 'boolean' | 'string';
  /** The flag's one-line description, in help, completion and the README. */
  readonly description: string;
  /** The value's placeholder in help (`SECONDS`); defaults to the choices joined with | or VALUE. */
  readonly value?: string;
  /** The only values it takes, matched case-insensitively; the parser hands the listed spelling on. */
  readonly choices?: readonly string[];
  /** Values the flag knows but refuses, each with the reason the user is told. */
  readonly refused?: Readonly<Record<string, string>>;
  /** "" is taken too (beside the choices): `profile edit` clears an optional field with it. */
  readonly clearable?: boolean;
  /** A string flag that can be given more than once. */
  readonly multiple?: boolean;
  /** A switch that also has its `--no-` form (`--no-browser`). */
  readonly negatable?: boolean;
  /** A one-letter alias (`-q`). */
  readonly short?: string;
}

/** What a command's arguments (the words that are not flags) name, for the parser's count and for completion. */
export interface ArgsSpec {
  /** How help shows them: `NAME`, `FILE|-`, `SHELL`. */
  readonly label: string;
  /** What completion offers for them. */
  readonly kind: 'profile' | 'shell' | 'file' | 'command' | 'text';
  /** Fewest and most accepted (most: Infinity for a list). */
  readonly min: number;
  readonly max: number;
  /** How a missing one is named in the error ("profile name"). */
  readonly what: string;
}

/** One example in help and in the README. */
export interface ExampleSpec {
  readonly run: string;
  readonly what: string;
}

/** One `ctm` command (or subcommand: its name has a space, `profile add`). */
export interface CommandSpec {
  readonly name: string;
  /** One line, in the overview, the help's first line and the README table. */
  readonly summary: string;
  /** More paragraphs for help only. */
  readonly details?: string;
  readonly args?: ArgsSpec;
  readonly flags: Readonly<Record<string, FlagSpec>>;
  /** Words after `--` are not parsed but handed on (`ctm exec NAME -- COMMAND`), shown in usage as this. */
  readonly passThrough?: string;
  readonly examples: readonly ExampleSpec[];
  /** Other commands worth knowing, by name ("exec", "profile add"). */
  readonly related: readonly string[];
  /** Other names the command answers to (`ls` for `profile list`); never offered by completion. */
  readonly aliases?: readonly string[];
  /** Internal commands (`__complete`): run, but never listed, documented or completed. */
  readonly hidden?: boolean;
}

/** The values a parsed command hands its handler, typed from its spec's flags. */
export type FlagValues<F extends Readonly<Record<string, FlagSpec>>> = {
  -readonly [K in keyof F]?: F[K] extends { readonly type: 'boolean' }
    ? boolean
    : F[K] extends { readonly multiple: true }
      ? string[]
      : string;
};

/** A command line parsed against a spec. */
export interface ParsedCommand<S extends CommandSpec> {
  values: FlagValues<S['flags']>;
  /** The arguments that are not flags, in order. */
  args: string[];
  /** What came after `--` (only for a spec with passThrough). */
  passThrough: string[];
}

/** Declares a spec, keeping its literal flag names for typed handlers. */
export function commandSpec<const S extends CommandSpec>(spec: S): S {
  return spec;
}

/** How a flag's value is shown: its placeholder, its choices joined with |, or VALUE. */
export function valueLabel(flag: FlagSpec): string {
  return flag.value ?? flag.choices?.join('|') ?? 'VALUE';
}
