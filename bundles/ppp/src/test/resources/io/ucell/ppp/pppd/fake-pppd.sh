#!/bin/sh
# Stand-in for pppd in the tests (this machine has no /dev/ppp, so the real pppd cannot run): records its
# arguments and the options file given with "file" (its mode and content) next to the path given with
# "logfile", then copies its stdin (the PPP link, as with pppd's notty) to its stdout until SIGTERM or EOF.
log=""
prev=""
optfile=""
for a in "$@"; do
  [ "$prev" = "logfile" ] && log="$a"
  [ "$prev" = "file" ] && optfile="$a"
  prev="$a"
done
[ -n "$log" ] || exit 2
printf '%s\n' "$@" > "$log.args"
if [ -n "$optfile" ]; then
  stat -c '%a' "$optfile" > "$log.mode"
  cat "$optfile" > "$log.options"
fi
exec 3<&0
cat <&3 &
pid=$!
trap 'echo TERM > "$log.term"; kill $pid 2>/dev/null; exit 0' TERM
echo started > "$log.started"
wait $pid
echo EOF > "$log.eof"
