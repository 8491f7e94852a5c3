import type { SHELLS } from '../spec/commands/completion-spec.ts';

// Each script is a thin shim: it hands the words typed so far (the word under the cursor last, "" when the cursor
// follows a space) to `ctm __complete --`, which answers one candidate a line. The logic lives once, in
// complete-words.ts, so the four shells cannot drift apart.

const BASH = `# ctm completion for bash. Load it with:  source <(ctm completion bash)
# or save it as ~/.local/share/bash-completion/completions/ctm
_ctm_complete() {
  local IFS=$'\\n'
  COMPREPLY=($(ctm __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
# -o default: file names where ctm offers nothing (ctm profile import FILE, the command after ctm exec --).
complete -o default -o bashdefault -F _ctm_complete ctm
`;

const ZSH = `#compdef ctm
# ctm completion for zsh. Load it with:  source <(ctm completion zsh)   (after compinit)
# or save it as _ctm in a folder of your $fpath.
_ctm() {
  local -a candidates
  candidates=("\${(@f)$(ctm __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  candidates=("\${(@)candidates:#}")
  if (( \${#candidates} )); then
    compadd -Q -- "\${(@)candidates}"
  else
    _files
  fi
}
if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then
  _ctm "$@"
else
  compdef _ctm ctm
fi
`;

const FISH = `# ctm completion for fish. Load it with:  ctm completion fish | source
# or save it as ~/.config/fish/completions/ctm.fish
function __ctm_complete
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    ctm __complete -- $words[2..-1] "$current" 2>/dev/null
end
complete -c ctm -f -a '(__ctm_complete)'
# Files for ctm profile import FILE.
complete -c ctm -n '__fish_seen_subcommand_from import' -F
`;

const POWERSHELL = `# ctm completion for PowerShell. Load it with:  ctm completion powershell | Out-String | Invoke-Expression
# or add that line to your $PROFILE.
Register-ArgumentCompleter -Native -CommandName ctm -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $words = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
    # The word under the cursor is the last one; an empty one is passed as '""' (older PowerShell drops '').
    if ($wordToComplete -eq '') { $words += '""' }
    & ctm __complete -- @words 2>$null | ForEach-Object {
        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
    }
}
`;

/** The completion script for a shell, to be sourced by it (see each script's first lines). */
export function completionScript(shell: (typeof SHELLS)[number]): string {
  return { bash: BASH, zsh: ZSH, fish: FISH, powershell: POWERSHELL }[shell];
}
