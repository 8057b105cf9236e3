# Sourced by setup.sh (and so by test.sh and demo.sh): puts a supported Node.js first on PATH.
#
# The machine's `node` is used when it is 22.15 or newer (22 and 24 LTS, 26). Otherwise Node
# $ALEMBIC_NODE_MAJOR (default 24) is installed from the npm registry's `node-<platform>` package
# into .tools/node<major> (no other download) and put first on PATH; native addons (sqlite3)
# then build against its headers (npm_config_nodedir).
#
#   use_node          the machine's Node if new enough, else the local Node 24
#   use_node 22       the local Node 22 whatever the machine has (CI's smoke run)

# Prints the npm package holding the Node binary for this machine.
node_package_name() {
  local arch
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "use-node: no Node package for $(uname -m); install Node >= 22.15 yourself" >&2; return 1 ;;
  esac
  case "$(uname -s)" in
    Linux) echo "node-linux-$arch" ;;
    Darwin) echo "node-darwin-$arch" ;;
    *) echo "use-node: no Node package for $(uname -s); install Node >= 22.15 yourself" >&2; return 1 ;;
  esac
}

# True when `node` on PATH is 22.15 or newer.
node_supported() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [major, minor] = process.versions.node.split(".").map(Number); process.exit(major > 22 || (major === 22 && minor >= 15) ? 0 : 1)'
}

use_node() {
  local major="${1:-}"
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  if [ -z "$major" ] && node_supported; then
    if [ -z "${npm_config_nodedir:-}" ]; then
      # The headers of a distribution's Node (node-gyp cannot download them without network).
      local prefix
      prefix="$(dirname "$(dirname "$(command -v node)")")"
      if [ -d "$prefix/include/node" ]; then export npm_config_nodedir="$prefix"; fi
    fi
    return 0
  fi
  major="${major:-${ALEMBIC_NODE_MAJOR:-24}}"
  local package
  package="$(node_package_name)" || return 1
  local directory="$root/.tools/node$major"
  local home="$directory/node_modules/$package"
  if [ ! -x "$home/bin/node" ]; then
    echo "use-node: installing Node $major ($package@$major from the npm registry) into .tools/node$major" >&2
    npm install --prefix "$directory" --no-save --no-audit --no-fund --loglevel=error "$package@$major" >/dev/null
  fi
  export PATH="$home/bin:$PATH"
  export npm_config_nodedir="$home"
  # A distribution's Node trusts the system's certificate store; this one, by default, only
  # the certificates it was built with (a registry behind a company proxy would then fail).
  export NODE_USE_SYSTEM_CA=1
}
