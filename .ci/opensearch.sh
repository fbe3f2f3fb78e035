# Sourced by .ci/run: a two-node OpenSearch 3.6.0 cluster on loopback for the opensearch module's tests.
# Downloads the distribution and the k-NN and neural-search plugins from Maven Central through the Maven
# wrapper, runs both nodes as the unprivileged user sextant-os (OpenSearch refuses root), and exports
#   SEXTANT_OPENSEARCH_URL        http://127.0.0.1:9250 (node 1; node 2 listens on 9251)
#   SEXTANT_OPENSEARCH_NODE2_PID  node 2's process id, for the node-loss test
#   SEXTANT_OPENSEARCH_CONTROL    a script: `kill-node2` / `start-node2` / `wait-green`, for the same test
# Both nodes are stopped when the sourcing shell exits. Idempotent: a second run reuses the download and
# the installed plugins, and wipes the data folders.

sextant_opensearch_setup() {
  local version=3.6.0 plugin_version=3.6.0.0
  # Not under ~ : root's home is closed to the user the nodes run as.
  local root="${SEXTANT_OPENSEARCH_CACHE:-/var/cache/sextant/opensearch}"
  local home="$root/opensearch-$version"
  local java_home=/usr/lib/jvm/temurin-25-jdk-amd64
  [ -x "$java_home/bin/java" ] || { echo "opensearch.sh: no JDK 25 at $java_home, OpenSearch tests will skip" >&2; return 0; }
  if ! command -v unzip >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq unzip curl >/dev/null
  fi

  mkdir -p "$root/zips"
  local artifact
  for artifact in "org.opensearch.distribution.integ-test-zip:opensearch:$version:zip" \
                  "org.opensearch.plugin:opensearch-knn:$plugin_version:zip" \
                  "org.opensearch.plugin:neural-search:$plugin_version:zip"; do
    local file="$root/zips/$(echo "$artifact" | cut -d: -f2)-$(echo "$artifact" | cut -d: -f3).zip"
    if [ ! -s "$file" ]; then
      JAVA_HOME="$java_home" ./mvnw -B -q -N dependency:copy -Dartifact="$artifact" -Dmdep.stripVersion=false \
        -DoutputDirectory="$root/zips" >/dev/null
    fi
  done
  if [ ! -x "$home/bin/opensearch" ]; then
    rm -rf "$home" && (cd "$root" && unzip -q "zips/opensearch-$version.zip")
  fi
  local plugin
  for plugin in opensearch-knn neural-search; do
    local name=$plugin; [ "$plugin" = neural-search ] && name=opensearch-neural-search
    if [ ! -d "$home/plugins/$name" ]; then
      OPENSEARCH_JAVA_HOME="$java_home" "$home/bin/opensearch-plugin" install --batch \
        "file://$root/zips/$plugin-$plugin_version.zip" >/dev/null 2>&1
    fi
  done

  id sextant-os >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin sextant-os
  local node
  for node in 1 2; do
    local dir="$root/node$node"
    if [ -f "$dir/pid" ]; then
      local old; old="$(cat "$dir/pid")"
      kill "$old" 2>/dev/null || true
      while kill -0 "$old" 2>/dev/null; do sleep 0.2; done
    fi
    rm -rf "$dir" && mkdir -p "$dir/data" "$dir/logs" "$dir/config"
    cp -r "$home/config/." "$dir/config/"
    cat > "$dir/config/opensearch.yml" <<EOF
cluster.name: sextant-ci
node.name: node$node
path.data: $dir/data
path.logs: $dir/logs
network.host: 127.0.0.1
http.port: $((9249 + node))
transport.port: $((9349 + node))
discovery.seed_hosts: ["127.0.0.1:9350", "127.0.0.1:9351"]
cluster.initial_cluster_manager_nodes: ["node1"]
cluster.routing.allocation.disk.threshold_enabled: false
EOF
    # Node 1 alone manages the cluster, so that losing node 2 (the node-loss test) leaves a quorum.
    [ "$node" = 2 ] && echo 'node.roles: [data, ingest]' >> "$dir/config/opensearch.yml"
    sed -i 's/^-Xms.*/-Xms512m/; s/^-Xmx.*/-Xmx512m/' "$dir/config/jvm.options"
  done
  chown -R sextant-os "$root"

  cat > "$root/control.sh" <<EOF
#!/usr/bin/env bash
# Starts, stops and waits for the CI cluster's nodes (written by .ci/opensearch.sh).
set -euo pipefail
start() {
  local dir="$root/node\$1"
  su -s /bin/bash sextant-os -c "OPENSEARCH_JAVA_HOME=$java_home OPENSEARCH_PATH_CONF=\$dir/config \
    $home/bin/opensearch -d -p \$dir/pid" >"\$dir/logs/start.out" 2>&1
}
# kill-node* is a crash (SIGKILL); stop-node* a clean shutdown.
stop() {
  local dir="$root/node\$1" pid
  [ -f "\$dir/pid" ] || return 0
  pid=\$(cat "\$dir/pid")
  kill "-\$2" "\$pid" 2>/dev/null || true
  while kill -0 "\$pid" 2>/dev/null; do sleep 0.2; done
  rm -f "\$dir/pid"
}
wait_status() {
  local want=\$1 i
  for i in \$(seq 1 180); do
    if curl -fsS "http://127.0.0.1:9250/_cluster/health?wait_for_status=\$want&wait_for_nodes=2&timeout=1s" 2>/dev/null \
        | grep -q '"timed_out":false'; then return 0; fi
    sleep 1
  done
  echo "OpenSearch did not reach \$want with two nodes in 180 s; node logs in $root/node*/logs" >&2; return 1
}
pid_of() { while [ ! -s "$root/node\$1/pid" ]; do sleep 0.2; done; cat "$root/node\$1/pid"; }
case "\$1" in
  start-node1) start 1 ;;
  start-node2) start 2 ;;
  stop-node1) stop 1 TERM ;;
  stop-node2) stop 2 TERM ;;
  kill-node2) stop 2 KILL ;;
  pid-node2) pid_of 2 ;;
  wait-green) wait_status green ;;
  wait-yellow) wait_status yellow ;;
  *) echo "usage: \$0 start-node1|start-node2|stop-node1|stop-node2|kill-node2|pid-node2|wait-green|wait-yellow" >&2; exit 2 ;;
esac
EOF
  chmod 755 "$root/control.sh"

  SEXTANT_OPENSEARCH_ROOT="$root"
  # Chained onto the EXIT trap the other .ci scripts may have set already.
  local previous; previous="$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")"
  trap "sextant_opensearch_stop${previous:+; $previous}" EXIT
  "$root/control.sh" start-node1 && "$root/control.sh" start-node2
  "$root/control.sh" wait-green || return 1
  export SEXTANT_OPENSEARCH_URL=http://127.0.0.1:9250
  export SEXTANT_OPENSEARCH_CONTROL="$root/control.sh"
  SEXTANT_OPENSEARCH_NODE2_PID="$("$root/control.sh" pid-node2)"
  export SEXTANT_OPENSEARCH_NODE2_PID
  echo "OpenSearch $version: two nodes green at $SEXTANT_OPENSEARCH_URL"
}

sextant_opensearch_stop() {
  "$SEXTANT_OPENSEARCH_ROOT/control.sh" stop-node2
  "$SEXTANT_OPENSEARCH_ROOT/control.sh" stop-node1
}

sextant_opensearch_setup
