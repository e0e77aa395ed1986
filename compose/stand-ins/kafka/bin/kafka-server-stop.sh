#!/bin/bash
# Stand-in for Kafka's bin/kafka-server-stop.sh: sends SIGTERM to the brokers running here
# (--process-role or --node-id narrow the choice, as in the official script).
SIGNAL=${SIGNAL:-TERM}
filter=
case $1 in
  --process-role=*) filter="process.roles=${1#*=}" ;;
  --node-id=*)      filter="node.id=${1#*=}" ;;
  "") ;;
  *) echo "USAGE: $0 [--process-role=<role> | --node-id=<id>]"; exit 1 ;;
esac
pids=$(ps ax -o pid= -o args= | grep -i 'kafka\.Kafka' | grep java | grep -v grep | awk '{print $1}')
if [ -n "$filter" ]; then
  matched=
  for pid in $pids; do
    config=$(tr '\0' '\n' < "/proc/$pid/cmdline" | grep -A1 '^kafka\.Kafka$' | tail -1)
    if [ -r "$config" ] && grep -qx "$filter" "$config"; then matched="$matched $pid"; fi
  done
  pids=$matched
fi
if [ -z "$pids" ]; then
  echo "No kafka server to stop"
  exit 1
fi
kill -s "$SIGNAL" $pids
