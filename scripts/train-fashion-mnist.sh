#!/usr/bin/env bash
# Trains the shipped CSDformer on Fashion-MNIST and writes, under data/: the model
# (models/fashion-mnist.json + .safetensors), the first 1,000 test images and labels (inputs/, IDX),
# and the golden files of the integer rule (golden/). See scripts/train/README.md.
#
# Needs Debian's python3-torch, python3-numpy and dataset-fashion-mnist:
#   sudo apt-get install python3-torch dataset-fashion-mnist
# Extra arguments go to scripts/train/csdformer_fmnist.py (--epochs, --embed, --seed, ...).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY=python3
# Debian's torch is installed for Debian's own Python; a pyenv or venv python3 on PATH may lack it.
if ! "$PY" -c 'import torch' 2>/dev/null && [ -x /usr/bin/python3 ]; then PY=/usr/bin/python3; fi
if ! "$PY" -c 'import torch, numpy' 2>/dev/null; then
  echo "train-fashion-mnist: python3 with torch and numpy not found; install python3-torch" >&2
  exit 2
fi
exec "$PY" scripts/train/csdformer_fmnist.py --out data "$@"
