#!/bin/sh
# The man page made at build time renders with man(1) and has a section for every command
# `runback --help` lists. Usage: man_page_test.sh RUNBACK MAN_PAGE
set -eu
exe=$1
page=$2
text=$(MANWIDTH=100 MAN_KEEP_FORMATTING= man -l "$page" 2>&1) || {
    echo "man -l $page failed: $text"
    exit 1
}
status=0
for heading in NAME SYNOPSIS OPTIONS COMMANDS ENVIRONMENT FILES "EXIT STATUS"; do
    printf '%s\n' "$text" | grep -q "^$heading\$" || {
        echo "no $heading section in the man page"
        status=1
    }
done
for command in $("$exe" --help | awk '/^Subcommands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }'); do
    printf '%s\n' "$text" | grep -q "^   $command\$" || {
        echo "no section for 'runback $command' under COMMANDS"
        status=1
    }
done
[ $status -eq 0 ] && echo "man -l renders runback(1) with a section for every command"
exit $status
