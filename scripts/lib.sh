# Shared by run.sh and test.sh: bring a fresh machine (with the .NET SDK, Node.js and apt) up to what
# TalkBot needs. Source it from the repository root.

log() { printf '\n== %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# npm ci when node_modules is missing or does not hold the pinned versions of package.json.
ensure_node_modules() {
  if ! node -e '
      const pkg = require("./package.json");
      for (const [name, version] of Object.entries(pkg.devDependencies || {})) {
        const installed = require(`./node_modules/${name}/package.json`).version;
        if (installed !== version) { throw new Error(`${name} ${installed} != ${version}`); }
      }' 2>/dev/null; then
    log "npm ci"
    npm ci --no-audit --no-fund
  fi
}

# Debian's chromium for Playwright, and CJK fonts so Chinese renders in screenshots.
ensure_browser() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
  if [ ${#missing[@]} -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  fi
}

# Kills the process trees of the given pids (children first), politely then firmly.
stop_tree() {
  local pid
  for pid in "$@"; do
    [ -n "$pid" ] || continue
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
  done
  sleep 1
  for pid in "$@"; do
    [ -n "$pid" ] || continue
    pkill -KILL -P "$pid" 2>/dev/null || true
    kill -KILL "$pid" 2>/dev/null || true
  done
}
