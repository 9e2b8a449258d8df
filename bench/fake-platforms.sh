#!/bin/sh
# Starts the stand-in YouTube and TikTok (operator test code) by hand: bench/fake-platforms.sh [youtube-port] [tiktok-port]
# Needs the operator's test classes: ./mvnw -B -q -pl operator -am test-compile -Dquarkus.build.skip=true
set -e
cd "$(dirname "$0")/.."
cp=operator/target/fake-platforms.classpath
if [ ! -s "$cp" ]; then
  ./mvnw -B -q -pl operator dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$cp" >/dev/null
fi
exec java -cp "operator/target/test-classes:$(cat "$cp")" io.animops.operator.testing.FakePlatforms "$@"
