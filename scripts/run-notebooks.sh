#!/usr/bin/env bash
# Executes every notebook in notebooks/ headless with nbconvert and exits 1 if any of them fails
# (2 on a usage error).
#
# Usage: scripts/run-notebooks.sh [OUTPUT_DIR]
# Executed copies go to OUTPUT_DIR when given, otherwise to a temporary directory that is removed on exit.
# The notebooks in the repository are never modified, so OUTPUT_DIR may not be notebooks/ itself.
# PYTHON selects the interpreter that runs nbconvert. Without it, the script uses the first of python3 on PATH
# and /usr/bin/python3 that can import nbconvert, because Debian's python3-nbconvert serves the system
# interpreter only.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Bounds each cell, so that a hung kernel or simulator fails the run instead of blocking it.
cell_timeout_s=600

find_python() {
  local candidate
  for candidate in python3 /usr/bin/python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c "import nbconvert" 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if [[ -n ${PYTHON:-} ]]; then
  python=$PYTHON
elif ! python=$(find_python); then
  echo "run-notebooks.sh: no python3 with nbconvert found; install python3-nbconvert and python3-ipykernel" \
       "(scripts/setup-debian.sh) or set PYTHON to an interpreter that has them" >&2
  exit 1
fi

if [[ $# -gt 1 ]]; then
  echo "usage: $0 [OUTPUT_DIR]" >&2
  exit 2
elif [[ $# -eq 1 ]]; then
  output_dir=$1
  mkdir -p "$output_dir"
  if [[ $(cd "$output_dir" && pwd -P) == $(cd "$repo_root/notebooks" && pwd -P) ]]; then
    echo "run-notebooks.sh: invalid OUTPUT_DIR $output_dir: the executed copies would overwrite the notebooks;" \
         "choose another directory" >&2
    exit 2
  fi
else
  output_dir=$(mktemp -d "${TMPDIR:-/tmp}/stormsim-notebooks.XXXXXX")
  trap 'rm -rf "$output_dir"' EXIT
fi

shopt -s nullglob
notebooks=("$repo_root"/notebooks/*.ipynb)
if ((${#notebooks[@]} == 0)); then
  echo "run-notebooks.sh: no notebooks found in $repo_root/notebooks" >&2
  exit 1
fi

failed=()
for notebook in "${notebooks[@]}"; do
  name=$(basename "$notebook")
  echo "Executing notebooks/$name"
  if ! "$python" -m nbconvert --to notebook --execute \
         --ExecutePreprocessor.timeout="$cell_timeout_s" \
         --output-dir "$output_dir" --output "$name" "$notebook"; then
    failed+=("$name")
  fi
done

if ((${#failed[@]} > 0)); then
  echo "run-notebooks.sh: execution failed for ${failed[*]}. The cell error is printed above." >&2
  exit 1
fi
echo "All ${#notebooks[@]} notebooks executed"
if [[ $# -eq 1 ]]; then
  echo "Executed copies are in $output_dir"
fi
