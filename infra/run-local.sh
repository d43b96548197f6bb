#!/usr/bin/env bash
# Builds what is needed and runs the whole system locally: Kafka (KRaft), a MongoDB wire-protocol server and the
# four services, each its own process. Ctrl-C stops everything; data stays in ./data (KEYPROJECT_DATA).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests install
exec java -jar infra/devstack/target/devstack.jar "$@"
