#!/usr/bin/env bash
# Starts the gateway with its embedded PostgreSQL (data kept in ./data/pg) and the demo data.
# Builds the fat jar first when it is missing or older than the sources. Every setting can be overridden by
# environment variables (see config/application.yaml and the README), e.g. GATEWAY_HTTP_PORT=9090 scripts/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/huibao-gateway.jar
if [ ! -f "$jar" ] || [ -n "$(find src contracts pom.xml -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "building $jar ..." >&2
  mvn -B -q -DskipTests package >&2
fi
exec java ${JAVA_OPTS:-} -jar "$jar" run
