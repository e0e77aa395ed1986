# Sourced by compose/verify and compose/cluster-faults: makes sure a Docker engine, docker-compose and the images
# the compose files start FROM are there, as .ci/run does for the JDK. Installs Debian's docker.io, docker-compose
# and debootstrap where missing (as root), starts dockerd where none answers, and stops on exit only the dockerd it
# started.

engine_started_pid=""

ensure_docker_engine() {
  if ! command -v dockerd > /dev/null || ! command -v docker-compose > /dev/null \
      || ! command -v debootstrap > /dev/null; then
    [ "$(id -u)" = 0 ] || { echo "Docker is missing and only root can install it" >&2; exit 1; }
    echo "Installing Debian's docker.io, docker-compose and debootstrap ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io docker-compose debootstrap > /dev/null
  fi
  if ! docker info > /dev/null 2>&1; then
    [ "$(id -u)" = 0 ] || { echo "No Docker engine answers, and only root can start one" >&2; exit 1; }
    echo "Starting dockerd ..."
    setsid dockerd > /var/log/dockerd-content-pipeline.log 2>&1 < /dev/null &
    engine_started_pid=$!
    trap stop_docker_engine EXIT
    for _ in $(seq 60); do
      docker info > /dev/null 2>&1 && break
      sleep 1
    done
    docker info > /dev/null 2>&1 || { echo "dockerd did not start:"; tail -20 /var/log/dockerd-content-pipeline.log; exit 1; } >&2
  fi
}

stop_docker_engine() {
  if [ -n "$engine_started_pid" ]; then
    echo "Stopping the dockerd this command started (pid $engine_started_pid) ..."
    kill "$engine_started_pid" 2> /dev/null || true
    for _ in $(seq 30); do
      kill -0 "$engine_started_pid" 2> /dev/null || break
      sleep 1
    done
  fi
}
