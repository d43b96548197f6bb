#!/usr/bin/env bash
# The README's test command: the whole suite (unit, per-service integration on a real broker and store, end to end
# across processes, and the console in headless Chromium). Installs Debian's chromium and chromium-driver first
# if they are missing; everything else comes from Maven Central through the Maven wrapper.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -d /usr/share/fonts/opentype/noto ]; then
  echo "+ installing chromium, chromium-driver and Chinese fonts (Debian packages) for the console's browser test"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null
fi
# The reliability suite (profile "reliability") runs apart: infra/reliability.sh (see the README).
exec ./mvnw -B verify "$@"
