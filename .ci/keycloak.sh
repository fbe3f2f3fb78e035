#!/usr/bin/env bash
# A real Keycloak for the OIDC tests, without Docker: the distribution from Maven Central, unpacked into a cache
# folder (never committed), started in dev mode on a free loopback port with the realm exports of
# config/src/main/resources/keycloak imported afresh. Exports SEXTANT_KEYCLOAK_URL; the OIDC tests skip without it.
#
#   source .ci/keycloak.sh    (from .ci/run) starts it and stops it when the sourcing shell exits
#   .ci/keycloak.sh           (a developer) starts it, prints the export line and runs until Ctrl-C
#
# SEXTANT_KEYCLOAK_CACHE (default ~/.cache/sextant) holds the distribution; JAVA_HOME must be a JDK 21+, or one
# is looked for under /usr/lib/jvm.

keycloak_version=26.7.3
keycloak_repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
keycloak_cache="${SEXTANT_KEYCLOAK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sextant}"
keycloak_home="$keycloak_cache/keycloak-$keycloak_version"

keycloak_java() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    if [[ -x "$candidate/bin/java" ]] && "$candidate/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
      echo "$candidate"
      return 0
    fi
  done
  echo "keycloak.sh: Keycloak $keycloak_version needs a JDK 21 or newer; set JAVA_HOME to one" >&2
  return 1
}

keycloak_fetch() {
  [[ -x "$keycloak_home/bin/kc.sh" ]] && return 0
  mkdir -p "$keycloak_cache"
  echo "keycloak.sh: fetching org.keycloak:keycloak-quarkus-dist:$keycloak_version (tar.gz) into $keycloak_cache"
  (cd "$keycloak_repo_root" && ./mvnw -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$keycloak_version:tar.gz" \
      -DoutputDirectory="$keycloak_cache" -Dmdep.overWriteReleases=true)
  [[ -x "$keycloak_home/bin/kc.sh" ]] || { echo "keycloak.sh: no $keycloak_home/bin/kc.sh after unpacking" >&2; return 1; }
}

keycloak_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    # Nothing answers a connect there: free (a race with another process is unlikely and fails loudly at start).
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "keycloak.sh: no free loopback port found" >&2
  return 1
}

keycloak_stop() {
  if [[ -n "${keycloak_pid:-}" ]] && kill -0 "$keycloak_pid" 2>/dev/null; then
    kill "$keycloak_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$keycloak_pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$keycloak_pid" 2>/dev/null || true
    echo "keycloak.sh: Keycloak stopped"
  fi
  keycloak_pid=
}

keycloak_start() {
  local java port management_port log deadline
  java="$(keycloak_java)" || return 1
  keycloak_fetch || return 1
  port="$(keycloak_free_port)" || return 1
  management_port="$(keycloak_free_port)" || return 1
  # Fresh state every start: the dev database is dropped, so the realm files are imported as they are now.
  rm -rf "$keycloak_home/data/h2" "$keycloak_home/data/import"
  mkdir -p "$keycloak_home/data/import"
  cp "$keycloak_repo_root"/config/src/main/resources/keycloak/*-realm.json "$keycloak_home/data/import/" || return 1
  log="$keycloak_cache/keycloak.log"
  echo "keycloak.sh: starting Keycloak $keycloak_version on 127.0.0.1:$port (log: $log; a start takes one to two minutes)"
  # setsid: its own process group, so that a Ctrl-C in the sourcing shell reaches it only through keycloak_stop.
  JAVA_HOME="$java" KC_BOOTSTRAP_ADMIN_USERNAME=kcadmin KC_BOOTSTRAP_ADMIN_PASSWORD=kcadmin \
    setsid "$keycloak_home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$port" \
      --http-management-port="$management_port" --import-realm >"$log" 2>&1 </dev/null &
  keycloak_pid=$!
  deadline=$((SECONDS + 240))
  until curl -fsS "http://127.0.0.1:$port/realms/sextant/.well-known/openid-configuration" >/dev/null 2>&1; do
    if ! kill -0 "$keycloak_pid" 2>/dev/null; then
      echo "keycloak.sh: Keycloak exited while starting; the end of its log:" >&2
      tail -n 30 "$log" >&2
      keycloak_pid=
      return 1
    fi
    if ((SECONDS > deadline)); then
      echo "keycloak.sh: Keycloak did not answer within 240 s; the end of its log:" >&2
      tail -n 30 "$log" >&2
      keycloak_stop
      return 1
    fi
    sleep 2
  done
  export SEXTANT_KEYCLOAK_URL="http://127.0.0.1:$port"
  echo "keycloak.sh: Keycloak is ready at $SEXTANT_KEYCLOAK_URL (realms sextant and other)"
}

if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
  # Sourced by .ci/run: a Keycloak that cannot start leaves the OIDC tests to skip, saying why, not the run to fail.
  if keycloak_start; then
    # Chained onto whatever EXIT trap the sourcing shell already has (other .ci scripts set theirs too).
    keycloak_previous_trap="$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")"
    trap "keycloak_stop${keycloak_previous_trap:+; $keycloak_previous_trap}" EXIT
  else
    echo "keycloak.sh: no Keycloak; the OIDC tests will be skipped" >&2
  fi
else
  set -euo pipefail
  keycloak_start
  trap keycloak_stop EXIT INT TERM
  echo "export SEXTANT_KEYCLOAK_URL=$SEXTANT_KEYCLOAK_URL    # in the shell that runs the tests; Ctrl-C stops Keycloak"
  wait "$keycloak_pid"
fi
