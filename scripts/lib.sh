# Shared helpers for the test scripts: install what is missing, skip what is present.
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then apt-get update -qq >/dev/null; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
# need_apt COMMAND PACKAGE
need_apt() { command -v "$1" >/dev/null 2>&1 || apt_install "$2"; }
# need_cargo_tool COMMAND DESCRIPTION INSTALL_COMMAND
need_cargo_tool() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; eval "$3"; }; }
export PATH="$HOME/.cargo/bin:$PATH"
