#!/usr/bin/env bash
# Sets up a Mac as an AnimOps render agent: installs Java, FFmpeg and Godot (Brewfile), checks their
# versions against versions.env, writes the agent's configuration, and installs and (re)starts the launchd
# service. Safe to run again: installed packages are kept, an existing configuration is kept unless
# --force-config, and the service is replaced in place.
#
#   scripts/setup-macos.sh --kubeconfig ~/Downloads/animops-agent.kubeconfig [--jar path/to/agent.jar]
#                          [--name mac-studio-1] [--labels gpu=apple,site=office] [--max-concurrent 1]
#                          [--force-config] [--skip-brew]
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
app_dir="${ANIMOPS_AGENT_HOME:-$HOME/Library/Application Support/AnimOps}"
log_dir="$HOME/Library/Logs/AnimOps"
plist="$HOME/Library/LaunchAgents/io.animops.render-agent.plist"
label="io.animops.render-agent"

jar=""
kubeconfig=""
name=""
labels=""
max_concurrent="1"
force_config=false
skip_brew=false

fail() {
  echo "setup-macos: $*" >&2
  exit 1
}

while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar="${2:?--jar needs a path}"; shift 2 ;;
    --kubeconfig) kubeconfig="${2:?--kubeconfig needs a path}"; shift 2 ;;
    --name) name="${2:?--name needs a value}"; shift 2 ;;
    --labels) labels="${2:?--labels needs key=value,...}"; shift 2 ;;
    --max-concurrent) max_concurrent="${2:?--max-concurrent needs a number}"; shift 2 ;;
    --force-config) force_config=true; shift ;;
    --skip-brew) skip_brew=true; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) fail "unknown option $1 (see --help)" ;;
  esac
done

[ "$(uname -s)" = "Darwin" ] || fail "this sets up a Mac; on $(uname -s) run the agent jar directly (see README.md)"
[ "$(uname -m)" = "arm64" ] || echo "setup-macos: warning: $(uname -m) is not arm64; renders will be slow" >&2
case "$max_concurrent" in
  ''|*[!0-9]*) fail "--max-concurrent: not a whole number: $max_concurrent" ;;
esac

# --- packages -------------------------------------------------------------------------------------
command -v brew >/dev/null 2>&1 || fail "Homebrew is required (brew not found on PATH)"
if [ "$skip_brew" = false ]; then
  brew bundle --file "$here/Brewfile"
fi
brew_prefix="$(brew --prefix)"

# shellcheck source=../versions.env
. "$here/versions.env"

java_bin="$brew_prefix/opt/openjdk@${JAVA_MAJOR}/bin/java"
[ -x "$java_bin" ] || fail "Java $JAVA_MAJOR not found at $java_bin (brew install openjdk@$JAVA_MAJOR)"
java_version="$("$java_bin" -version 2>&1 | head -n 1)"
case "$java_version" in
  *\""$JAVA_MAJOR"[.\"]*) ;;
  *) fail "Java: expected major version $JAVA_MAJOR, $java_bin says: $java_version" ;;
esac

godot_bin="$(command -v godot || true)"
[ -n "$godot_bin" ] || godot_bin="/Applications/Godot.app/Contents/MacOS/Godot"
[ -x "$godot_bin" ] || fail "Godot not found (brew install --cask godot)"
godot_version="$("$godot_bin" --version 2>/dev/null | head -n 1)"
case "$godot_version" in
  "$GODOT_SERIES".*) ;;
  *) fail "Godot: expected $GODOT_SERIES.x, $godot_bin says: ${godot_version:-nothing}. Install Godot $GODOT_SERIES from the Godot release archive into /Applications and run this again." ;;
esac

ffmpeg_bin="$brew_prefix/bin/ffmpeg"
[ -x "$ffmpeg_bin" ] || fail "FFmpeg not found at $ffmpeg_bin (brew install ffmpeg)"
ffmpeg_version="$("$ffmpeg_bin" -version | head -n 1)"
ffmpeg_major="$(echo "$ffmpeg_version" | sed -E 's/^ffmpeg version n?([0-9]+).*/\1/')"
case "$ffmpeg_major" in
  ''|*[!0-9]*) fail "FFmpeg: cannot read the version from: $ffmpeg_version" ;;
esac
[ "$ffmpeg_major" -ge "$FFMPEG_MIN_MAJOR" ] || fail "FFmpeg: need $FFMPEG_MIN_MAJOR or later, found $ffmpeg_version"
[ -x "$brew_prefix/bin/ffprobe" ] || fail "ffprobe not found next to ffmpeg in $brew_prefix/bin"

echo "setup-macos: Java $java_version; Godot $godot_version; $ffmpeg_version"

# --- the agent jar --------------------------------------------------------------------------------
if [ -z "$jar" ]; then
  jar="$(ls "$here"/target/animops-render-agent*.jar 2>/dev/null | grep -v -e '/original-' -e 'sources' | head -n 1 || true)"
fi
[ -n "$jar" ] && [ -f "$jar" ] || fail "--jar: no agent jar found (build it with ./mvnw -pl render-agent-macos -am package -DskipTests, or pass --jar)"
mkdir -p "$app_dir" "$app_dir/work" "$log_dir"
cp "$jar" "$app_dir/animops-render-agent.jar.new"
mv "$app_dir/animops-render-agent.jar.new" "$app_dir/animops-render-agent.jar"

# --- configuration --------------------------------------------------------------------------------
config="$app_dir/agent.properties"
if [ -f "$config" ] && [ "$force_config" = false ]; then
  echo "setup-macos: keeping the existing $config (--force-config rewrites it)"
else
  [ -n "$kubeconfig" ] || fail "--kubeconfig: required for the first set-up (see README.md: a kubeconfig for the agent's ServiceAccount)"
  [ -f "$kubeconfig" ] || fail "--kubeconfig: no such file: $kubeconfig"
  install -m 600 "$kubeconfig" "$app_dir/kubeconfig"
  [ -n "$name" ] || name="$(scutil --get LocalHostName | tr '[:upper:]' '[:lower:]')"
  [ -n "$labels" ] || labels="os=darwin,arch=$(uname -m)"
  umask 077
  cat > "$config.new" <<PROPERTIES
# AnimOps render agent, written by setup-macos.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ).
# Every key can be overridden by an ANIMOPS_AGENT_<KEY> environment variable.
name=$name
labels=$labels
maxConcurrent=$max_concurrent
godot=$godot_bin
ffmpeg=$ffmpeg_bin
ffprobe=$brew_prefix/bin/ffprobe
workDir=$app_dir/work
kubeconfig=$app_dir/kubeconfig
PROPERTIES
  mv "$config.new" "$config"
  echo "setup-macos: wrote $config"
fi

# --- launchd --------------------------------------------------------------------------------------
mkdir -p "$(dirname "$plist")"
escape() { printf '%s' "$1" | sed -e 's/[&|\\]/\\&/g'; }
sed -e "s|@JAVA@|$(escape "$java_bin")|" \
    -e "s|@JAR@|$(escape "$app_dir/animops-render-agent.jar")|" \
    -e "s|@CONFIG@|$(escape "$config")|" \
    -e "s|@HOME_DIR@|$(escape "$app_dir")|" \
    -e "s|@LOG_DIR@|$(escape "$log_dir")|" \
    -e "s|@PATH@|$(escape "$brew_prefix/bin:/usr/bin:/bin:/usr/sbin:/sbin")|" \
    "$here/launchd/io.animops.render-agent.plist.template" > "$plist.new"
plutil -lint "$plist.new" >/dev/null || fail "the generated $plist.new is not a valid property list"
mv "$plist.new" "$plist"

domain="gui/$(id -u)"
launchctl bootout "$domain/$label" 2>/dev/null || true
launchctl bootstrap "$domain" "$plist"
launchctl enable "$domain/$label"
launchctl kickstart -k "$domain/$label"
echo "setup-macos: $label is running; logs in $log_dir (tail -f \"$log_dir/agent.out.log\")"
