#!/bin/bash
# Stand-in for the official image's /usr/local/bin/docker-entrypoint.sh (8.x), run under tini.
# - "eswrapper" (the default command) or "elasticsearch ..." starts Elasticsearch, extra arguments go to it;
#   any other command runs as given.
# - Settings from the environment (cluster.name=..., ES_SETTING_CLUSTER_NAME=...) are read by Elasticsearch
#   itself: the image's bin/elasticsearch-env says ES_DISTRIBUTION_TYPE=docker.
# - ELASTIC_PASSWORD (or ELASTIC_PASSWORD_FILE) becomes bootstrap.password in the keystore, created if absent;
#   KEYSTORE_PASSWORD (or _FILE) unlocks a protected keystore. ES_LOG_STYLE=file logs to logs/ instead of the
#   console. ENROLLMENT_TOKEN is passed on as --enrollment-token.
set -e

# Files created by Elasticsearch are group writable too (the image runs as uid 1000, group 0).
umask 0002

if [[ "$1" == "eswrapper" || "$(basename -- "$1")" == "elasticsearch" ]]; then
  set -- "${@:2}"
else
  exec "$@"
fi

# *_FILE variants of ELASTIC_PASSWORD and KEYSTORE_PASSWORD.
source /usr/share/elasticsearch/bin/elasticsearch-env-from-file

if [[ -n "$ELASTIC_PASSWORD" ]]; then
  [[ -f /usr/share/elasticsearch/config/elasticsearch.keystore ]] || elasticsearch-keystore create
  if ! elasticsearch-keystore has-passwd --silent; then
    if ! elasticsearch-keystore list | grep -q '^bootstrap.password$'; then
      echo "$ELASTIC_PASSWORD" | elasticsearch-keystore add -x 'bootstrap.password'
    fi
  elif ! echo "$KEYSTORE_PASSWORD" | elasticsearch-keystore list | grep -q '^bootstrap.password$'; then
    printf '%s\n%s\n' "$KEYSTORE_PASSWORD" "$ELASTIC_PASSWORD" | elasticsearch-keystore add -x 'bootstrap.password'
  fi
fi

case "${ES_LOG_STYLE:-console}" in
  console) ;;
  file) cp -f /usr/share/elasticsearch/config/log4j2.file.properties /usr/share/elasticsearch/config/log4j2.properties ;;
  *) echo "ERROR: ES_LOG_STYLE set to [$ES_LOG_STYLE]. Expected [console] or [file]" >&2; exit 1 ;;
esac

enrollment=()
if [[ -n "$ENROLLMENT_TOKEN" ]]; then
  enrollment=(--enrollment-token "$ENROLLMENT_TOKEN")
fi

# tini (PID 1) forwards signals to Elasticsearch, which replaces this shell.
exec /usr/share/elasticsearch/bin/elasticsearch "$@" "${enrollment[@]}" <<< "$KEYSTORE_PASSWORD"
