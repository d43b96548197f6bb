#!/usr/bin/env bash
# The reliability suite: faults, duplicates, bad input, permissions and load against the whole system (the four
# services and the console as processes, a Kafka broker process, the MongoDB-protocol server behind a TCP proxy).
# Builds the services first; figures go to infra/reliability-tests/target/reliability-results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests
rm -f infra/reliability-tests/target/reliability-results.md
./mvnw -B -Preliability -pl infra/reliability-tests verify "$@"
echo
cat infra/reliability-tests/target/reliability-results.md
