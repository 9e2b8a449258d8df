#!/bin/sh
# Starts the stand-in YouTube and TikTok (operator test code) by hand: bench/fake-platforms.sh [youtube-port] [tiktok-port]
# Needs the packaged operator (its libraries) and its test classes, both made by:
#   ./mvnw -B -q package -DskipTests
set -e
cd "$(dirname "$0")/.."
exec java -cp "operator/target/test-classes:operator/target/quarkus-app/lib/main/*" \
  io.animops.operator.testing.FakePlatforms "$@"
