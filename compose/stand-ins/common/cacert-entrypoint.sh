#!/usr/bin/env bash
# Stand-in for eclipse-temurin's /__cacert_entrypoint.sh (the ENTRYPOINT of eclipse-temurin and of apache/kafka,
# which is built on it). With USE_SYSTEM_CA_CERTS set and running as root, the certificates in /certificates/
# join the system store, and so the JRE's cacerts (Debian's JRE reads the system store). Then runs the command.
set -e

if [[ -n "${USE_SYSTEM_CA_CERTS:-}" ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "USE_SYSTEM_CA_CERTS is set but the container does not run as root: certificates are not updated" >&2
  elif compgen -G "/certificates/*.crt" > /dev/null; then
    cp -f /certificates/*.crt /usr/local/share/ca-certificates/
    update-ca-certificates > /dev/null
  fi
fi

exec "$@"
