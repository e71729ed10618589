# bash completion for runback: subcommands, their options, runner names after --runner and
# protocol ids after --protocol (and for `protocol show|simulate`). Installed under
# share/bash-completion/completions/runback, so bash-completion loads it the first time
# `runback <TAB>` is pressed. Commands and options are read from runback's own --help, so they
# never fall behind it; names come from `runback __complete runners|protocols`.

# The words after "Subcommands:" in `runback [COMMAND] --help`.
_runback_subcommands() {
    "$@" --help 2>/dev/null | awk '/^Subcommands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }'
}

# Every --option that `runback [COMMAND...] --help` lists.
_runback_options() {
    "$@" --help 2>/dev/null | grep -oE -- '(^|[ ,])--[a-z][a-z0-9-]*' | sed 's/^[ ,]*//' | sort -u
}

# The choices `--help` gives an option as "--format FORMAT:{text,json}".
_runback_choices() {
    local option=$1
    shift
    "$@" --help 2>/dev/null | grep -oE -- "$option [A-Z_]+:\\{[^}]*\\}" | sed 's/.*{//; s/}//; s/,/ /g'
}

# Sets COMPREPLY to the lines of WORDS that start with CUR, each quoted for the shell (runner
# names may hold spaces).
_runback_reply_lines() {
    local words=$1 cur=$2 line
    COMPREPLY=()
    while IFS= read -r line; do
        [[ -n $line && $line == "$cur"* ]] && COMPREPLY+=("$(printf '%q' "$line")")
    done <<<"$words"
}

_runback_files() {
    if declare -F _filedir >/dev/null; then
        _filedir "$@"
    else
        local IFS=$'\n'
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}

_runback() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    local prev=""
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    local runback=${COMP_WORDS[0]}
    # The global options typed so far (--db, --protocol-dir, ...) choose the records and the
    # protocols the names come from; the command words choose the options offered.
    local -a global=() command=()
    local i word
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        case $word in
        --db | --runner | --protocol-dir | --plugin-dir)
            ((i + 1 < COMP_CWORD)) && global+=("$word" "${COMP_WORDS[i + 1]}")
            ((i++))
            ;;
        --*=*) ;;
        -*)
            # An option of the command: its value, if it takes one, is skipped below.
            ;;
        *)
            if ((${#command[@]} == 0)); then
                command+=("$word")
            elif ((${#command[@]} == 1)) && [[ ${COMP_WORDS[i - 1]} != -* ]] &&
                _runback_subcommands "$runback" "${command[0]}" | grep -qx -- "$word"; then
                command+=("$word")
            fi
            ;;
        esac
    done

    case $prev in
    --runner)
        _runback_reply_lines "$("$runback" "${global[@]}" __complete runners 2>/dev/null)" "$cur"
        return
        ;;
    --protocol)
        _runback_reply_lines "$("$runback" "${global[@]}" __complete protocols 2>/dev/null)" "$cur"
        [[ $cur == */* || $cur == .* ]] && _runback_files '@(yaml|yml)'
        return
        ;;
    --db | --output | -o | --file | --script)
        _runback_files
        return
        ;;
    --protocol-dir | --plugin-dir)
        _runback_files -d
        return
        ;;
    --format | --color | --sort | --session)
        local choices
        choices=$(_runback_choices "$prev" "$runback" "${command[@]}")
        [[ -n $choices ]] && COMPREPLY=($(compgen -W "$choices" -- "$cur"))
        return
        ;;
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_runback_options "$runback" "${command[@]}")" -- "$cur"))
        return
    fi
    if ((${#command[@]} == 0)); then
        COMPREPLY=($(compgen -W "$(_runback_subcommands "$runback")" -- "$cur"))
        return
    fi
    local nested
    nested=$(_runback_subcommands "$runback" "${command[0]}")
    if ((${#command[@]} == 1)) && [[ -n $nested ]]; then
        COMPREPLY=($(compgen -W "$nested" -- "$cur"))
        return
    fi
    case "${command[*]}" in
    "protocol show" | "protocol simulate")
        _runback_reply_lines "$("$runback" "${global[@]}" __complete protocols 2>/dev/null)" "$cur"
        [[ $cur == */* || $cur == .* ]] && _runback_files '@(yaml|yml)'
        ;;
    "protocol lint" | "protocol migrate" | import)
        _runback_files
        ;;
    esac
}

complete -F _runback runback
