# Runs a server as a child and keeps it alive no longer than the JVM that started it, even when that JVM is
# killed with SIGKILL and its shutdown hooks never run.
# Arguments: caller-pid pid-file pid-file-written-by-server(true|false) grace-seconds command...
# The server is stopped through the pid in pid-file: runuser, when it sits between us and the server, does not
# pass every signal on.
caller=$1 pidfile=$2 server_writes_pidfile=$3 grace=$4
shift 4

"$@" &
child=$!
if [ "$server_writes_pidfile" != true ]; then
  echo "$child" > "$pidfile"
fi

descendants() {
  local pid
  for pid in $(pgrep -P "$1"); do
    descendants "$pid"
    echo "$pid"
  done
}

any_alive() {
  local pid
  for pid in "$@"; do
    if kill -0 "$pid" 2>/dev/null; then return 0; fi
  done
  return 1
}

# SIGTERM to the server; SIGTERM to what is left of the process tree once the child is gone (orphans, say when the
# pid file was missing and only runuser got the signal); SIGKILL to whatever still runs after the grace period.
stop_server() {
  trap '' TERM INT HUP
  local target=$child
  if [ -s "$pidfile" ]; then target=$(cat "$pidfile"); fi
  local tree
  tree="$target $(descendants $$)"
  kill -TERM "$target" 2>/dev/null
  local waited=0 orphans_told=false
  while any_alive $tree && [ "$waited" -lt "$grace" ]; do
    if [ "$orphans_told" = false ] && ! kill -0 "$child" 2>/dev/null; then
      kill -TERM $tree 2>/dev/null
      orphans_told=true
    fi
    sleep 1
    waited=$((waited + 1))
  done
  if any_alive $tree; then
    echo "caller-watchdog: server still running after ${grace}s, killing it" >&2
    kill -KILL $tree 2>/dev/null
  fi
  wait "$child"
}

trap 'stop_server; exit 143' TERM INT HUP

while kill -0 "$caller" 2>/dev/null && kill -0 "$child" 2>/dev/null; do
  sleep 1 &
  wait $!
done
if kill -0 "$child" 2>/dev/null; then
  echo "caller-watchdog: process $caller that started the server is gone, stopping the server" >&2
  stop_server
fi
wait "$child"
