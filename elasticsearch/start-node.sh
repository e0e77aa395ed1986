#!/bin/bash
# Starts an Elasticsearch node of the pipeline: the file realm (users, users_roles, roles.yml) that the setup
# service wrote into the security volume (mounted read-only at config/security) goes where Elasticsearch reads it,
# then the official entrypoint starts the node.
set -euo pipefail
config=/usr/share/elasticsearch/config
for file in users users_roles roles.yml; do
  if [ ! -f "$config/security/$file" ]; then
    echo "start-node: $config/security/$file is missing: the setup service must run first" >&2
    exit 1
  fi
  cp "$config/security/$file" "$config/$file"
done
exec /usr/local/bin/docker-entrypoint.sh eswrapper
