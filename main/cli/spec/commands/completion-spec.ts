import { commandSpec } from '../command-spec.ts';

/** The shells `ctm completion` writes a script for. */
export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;

/** `ctm completion`. */
export const COMPLETION_SPEC = commandSpec({
  name: 'completion',
  summary: 'prints a shell completion script: commands, flags, their fixed values and profile names',
  details: `Load it:
  bash        source <(ctm completion bash)          (or save to ~/.local/share/bash-completion/completions/ctm)
  zsh         source <(ctm completion zsh)           (after compinit; or save as _ctm in your $fpath)
  fish        ctm completion fish | source           (or save to ~/.config/fish/completions/ctm.fish)
  powershell  ctm completion powershell | Out-String | Invoke-Expression   (or add it to your $PROFILE)
Profile names are read from profiles.json only; completion never touches the keychain.`,
  args: { label: 'bash|zsh|fish|powershell', kind: 'shell', min: 1, max: 1, what: 'shell' },
  flags: {},
  examples: [
    { run: "echo 'source <(ctm completion bash)' >> ~/.bashrc", what: 'bash, from the next shell on' },
    { run: 'ctm completion fish > ~/.config/fish/completions/ctm.fish', what: 'fish' },
  ],
  related: ['help'],
});
