#!/bin/sh
# Writes runback's man page from its own --help (help2man), with a COMMANDS section that holds
# every command's --help as the program prints it, so the page cannot fall behind the program.
# Usage: make-man-page.sh RUNBACK HELP2MAN OUT
set -eu
exe=$1
help2man=$2
out=$3
include=$out.include

# The commands under "Subcommands:" in `runback [COMMAND] --help`.
subcommands() {
    "$@" --help | awk '/^Subcommands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }'
}

# roff: a backslash is \e, and a line starting with . or ' would be a request.
as_roff() {
    sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"
}

section() {
    printf '.SS "%s"\n.nf\n' "$*"
    # Drop the "Usage" line's program path: help2man's SYNOPSIS gives it once.
    "$exe" "$@" --help | as_roff
    printf '.fi\n'
}

{
    printf '[COMMANDS]\n'
    printf 'Each command with its own options, as \\fBrunback COMMAND --help\\fR prints them.\n'
    for command in $(subcommands "$exe"); do
        section "$command"
        for nested in $(subcommands "$exe" "$command"); do
            section "$command" "$nested"
        done
    done
    cat <<'ROFF'
[ENVIRONMENT]
.TP
.B RUNBACK_DB
The records database, when \fB\-\-db\fR is not given.
.TP
.B XDG_DATA_HOME
Where the records live by default: \fI$XDG_DATA_HOME/runback/runback.db\fR
(\fI~/.local/share/runback/runback.db\fR when it is not set).
.TP
.B XDG_CONFIG_HOME
Protocols of your own in \fI$XDG_CONFIG_HOME/runback/protocols\fR are found before the
installed ones.
.TP
.B NO_COLOR
When set and not empty, no colour unless \fB\-\-color always\fR.
.TP
.B RUNBACK_PLUGIN_PATH
Directories of plugins (separated by \fB:\fR), searched after \fB\-\-plugin\-dir\fR and
before \fI$XDG_DATA_HOME/runback/plugins\fR and the installed ones.
.TP
.B RUNBACK_PLUGIN_TIMEOUT
The time a plugin may take per call, in seconds (0.001 to 86400; default 5).
.TP
.B RUNBACK_PLUGIN_MEMORY_MB
The memory a plugin's host process may take, in megabytes (0 for no limit, up to 1048576;
default 1024).
.TP
.B RUNBACK_PLUGINS_IN_PROCESS
1 runs plugins inside runback, without limits or protection (for trusted plugins and
debugging); 0 or unset runs each in a plugin host process of its own. A value these variables
cannot take is refused, not replaced by the default.
[FILES]
.TP
.I ~/.local/share/runback/runback.db
The runners, their programmes and every symptom logged (SQLite). Nothing leaves the machine.
.TP
.I /usr/local/share/runback/protocols
The protocols runback ships.
[EXIT STATUS]
0 when the command did what was asked; 1 when the machine failed (a file could not be
written) or a plugin did; 2 for bad input (a mistyped option, a date or value out of range, a protocol with
errors, a plugin variable above set to what it cannot be), with a message that says what is wrong and where, and nothing stored.
[SEE ALSO]
The guide for physiotherapists and runners, the protocol format and the JSON output are in
\fIdocs/guide.md\fR, \fIdocs/protocol-format.md\fR and \fIdocs/json.md\fR of runback's sources.
ROFF
} >"$include"

"$help2man" --no-info --section 1 --name "a return-to-running planner" \
    --include "$include" --output "$out" "$exe"
rm -f "$include"
