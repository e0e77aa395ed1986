#!/bin/bash
# The security the pipeline's Elasticsearch needs, made once per installation by the `setup` service of the
# compose files, with the distribution's own tools:
#   /security  (nodes only)   certs/ca/ca.{crt,key}, certs/node/node.{crt,key}: a CA of this installation and one
#                             certificate for every node name in ELASTICSEARCH_NODE_NAMES; users, users_roles,
#                             roles.yml: the file realm with the services' users and roles.
#   /ca        (services)     ca.crt only, to trust the nodes.
# The CA and the certificates are kept once made; the users are written again at every run, so that a password
# changed in .env takes effect at the next `up`.
set -euo pipefail
es=/usr/share/elasticsearch
: "${ELASTICSEARCH_INDEX_PASSWORD:?set ELASTICSEARCH_INDEX_PASSWORD in .env}"
: "${ELASTICSEARCH_SEARCH_PASSWORD:?set ELASTICSEARCH_SEARCH_PASSWORD in .env}"
: "${ELASTICSEARCH_INGEST_PASSWORD:?set ELASTICSEARCH_INGEST_PASSWORD in .env}"
articles=${CONTENT_ALIASES_ARTICLES:-articles}
countries=${CONTENT_ALIASES_COUNTRIES:-countries}
names=${ELASTICSEARCH_NODE_NAMES:-elasticsearch}

if [ ! -f /security/certs/node/node.crt ]; then
  work=$(mktemp -d)
  "$es/bin/elasticsearch-certutil" ca --pem --silent --days 3650 --out "$work/ca.zip"
  unzip -q "$work/ca.zip" -d "$work"
  "$es/bin/elasticsearch-certutil" cert --pem --silent --days 3650 --name node --dns "$names,localhost" \
    --ip 127.0.0.1 --ca-cert "$work/ca/ca.crt" --ca-key "$work/ca/ca.key" --out "$work/node.zip"
  unzip -q "$work/node.zip" -d "$work"
  mkdir -p /security/certs
  cp -r "$work/ca" "$work/node" /security/certs/
  rm -rf "$work"
  echo "setup: made a CA and a certificate for $names"
fi
cp /security/certs/ca/ca.crt /ca/ca.crt

conf=$(mktemp -d)
cp -r "$es/config/." "$conf/"
: > "$conf/users"
: > "$conf/users_roles"
# roles.json keeps each role's name at the start of a line and its body indented: without the outer braces and
# the commas between roles, it is the YAML Elasticsearch reads a role at a time.
sed -e '1d' -e '$d' -e 's/^  },$/  }/' -e "s/\${ARTICLES}/$articles/g" -e "s/\${COUNTRIES}/$countries/g" \
  -e 's/\${ROLE_SUFFIX}//g' "$es/pipeline/roles.json" > "$conf/roles.yml"
add_user() {
  ES_PATH_CONF="$conf" "$es/bin/elasticsearch-users" useradd "$1" -p "$2" -r "$3" > /dev/null
}
add_user index-service "$ELASTICSEARCH_INDEX_PASSWORD" content_indexer
add_user search-service "$ELASTICSEARCH_SEARCH_PASSWORD" content_reader
add_user ingest-service "$ELASTICSEARCH_INGEST_PASSWORD" content_reader
cp "$conf/users" "$conf/users_roles" "$conf/roles.yml" /security/
rm -rf "$conf"

# The nodes run as uid 1000 of group 0; the services as others: they read the CA certificate only.
chown -R 1000:0 /security
chmod -R u=rwX,g=rX,o= /security
chmod 0755 /ca
chmod 0644 /ca/ca.crt
echo "setup: users index-service, search-service, ingest-service for aliases $articles, $countries"
