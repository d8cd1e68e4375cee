#!/usr/bin/env bash
# Installs the Debian 12 packages that stormsim needs to build, test and run its notebooks.
# Runs apt-get only when a package is missing, so it is quick on a machine that is already set up.
set -euo pipefail

packages=(g++ cmake make libsimgrid-dev libboost-dev nlohmann-json3-dev libcli11-dev catch2
          python3 python3-jsonschema python3-pandas python3-matplotlib python3-nbconvert python3-ipykernel)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then
    sudo_cmd=(sudo)
  fi
  "${sudo_cmd[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi
