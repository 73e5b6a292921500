#!/usr/bin/env bash
# Makes the small model and images that csdsim ships as its defaults (data/models, data/inputs).
# The model is a seeded synthetic CSDformer-2-64 for CIFAR-sized inputs: small enough to ship
# (about 0.7 MB), with every op of the published models. Rerun after changing the integer rule or
# the model format; the files are deterministic for a given seed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./csdsim model create --arch 2-64 --dataset cifar10 --seed 1 --calibration-images 8 -o data/models/default.json
./csdsim data synthetic --model data/models/default.json -n 8 --seed 7 -o data/inputs/default.npy
