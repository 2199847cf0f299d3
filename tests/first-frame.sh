#!/bin/bash
# Time to the first frame of the real workstation in tmux at 80x24, several builds run in turns
# (A, B, A, B, ...) so that a shared machine's load falls on all of them alike (docs/performance.md,
# "First frame"). Each build is a command that runs bktui, e.g. "dotnet path/bktui.dll" or a
# published bktui. Reads the app's own log lines: "first frame N ms after process start" and,
# for `bktui tui`, the archive's "(open N ms after process start)".
#
#   tests/first-frame.sh ROUNDS ARCHIVE DUMP 'label=command' ['label=command' ...]
#   e.g. tests/first-frame.sh 8 /tmp/archive dump.bin 'before=dotnet /tmp/a/bktui.dll' 'after=dotnet /tmp/b/bktui.dll'
# Prefix a command with `nice -n -15` to give it a larger share of a busy machine (say so with the numbers).
set -u
rounds=$1 archive=$2 dump=$3; shift 3
socket="bktui-ff-$$"
declare -A all
for ((r = 1; r <= rounds; r++)); do
  for spec in "$@"; do
    label=${spec%%=*} cmd=${spec#*=}
    tmux -L "$socket" -f /dev/null new-session -d -x 80 -y 24 "$cmd tui --hex '$dump' --archive '$archive'"
    for _ in $(seq 1 300); do tmux -L "$socket" capture-pane -t 0 -p 2>/dev/null | grep -q "q Quit" && break; sleep 0.1; done
    sleep 2
    tmux -L "$socket" send-keys -t 0 7; sleep 0.7 # the log pane
    screen=$(tmux -L "$socket" capture-pane -t 0 -p)
    tmux -L "$socket" send-keys -t 0 q; sleep 0.5
    tmux -L "$socket" kill-server 2>/dev/null
    first=$(grep -o "first frame [0-9]* ms" <<<"$screen" | grep -o "[0-9]*" | head -1)
    open=$(grep -o "open [0-9]* ms after" <<<"$screen" | grep -o "[0-9]*" | head -1)
    echo "$label: first frame ${first:-?} ms, archive open ${open:-not logged} ms, load $(cut -d' ' -f1 /proc/loadavg)"
    all[$label]="${all[$label]:-} ${first:-}"
  done
done
for spec in "$@"; do
  label=${spec%%=*}
  sorted=$(tr ' ' '\n' <<<"${all[$label]}" | grep . | sort -n | tr '\n' ' ')
  n=$(wc -w <<<"$sorted")
  [ "$n" -gt 0 ] && echo "$label: median $(cut -d' ' -f$(( (n + 1) / 2 )) <<<"$sorted") ms of $n (sorted: $sorted)"
done
