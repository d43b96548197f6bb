#!/usr/bin/env bash
# Runs a benchmark (not a test) and writes its figures to infra/benchmarks/target/results/<name>.{md,json}.
#   infra/benchmarks/run.sh pipeline     (the whole system: issue 9's workloads and limits in one run)
#   infra/benchmarks/run.sh registry
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -DskipTests install
case "${1:-registry}" in
  registry) exec java -Xmx2g -cp infra/benchmarks/target/benchmarks.jar gov.keyproject.benchmarks.RegistryBenchmark ;;
  statistics) exec java -Xmx2g -cp infra/benchmarks/target/benchmarks.jar gov.keyproject.benchmarks.StatisticsBenchmark ;;
  assessment) exec java -Xmx2g -cp infra/benchmarks/target/benchmarks.jar gov.keyproject.benchmarks.AssessmentBenchmark ;;
  pipeline) exec java -Xmx2g ${BENCH_OPTS:-} -cp infra/benchmarks/target/benchmarks.jar gov.keyproject.benchmarks.PipelineBenchmark ;;
  *) echo "unknown benchmark: $1 (known: pipeline, registry, statistics, assessment)" >&2; exit 2 ;;
esac
