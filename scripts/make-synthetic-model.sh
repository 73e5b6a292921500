#!/usr/bin/env bash
# Makes the small synthetic model and images that csdsim ships beside the trained default, for
# tests and examples on 32×32×3 inputs (data/models/synthetic-2-64.json, data/inputs/synthetic-8.npy).
# The model is a seeded synthetic CSDformer-2-64 for CIFAR-sized inputs: small enough to ship
# (about 0.7 MB), with every op of the published models. Rerun after changing the integer rule or
# the model format; the files are deterministic for a given seed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./csdsim model create --arch 2-64 --dataset cifar10 --seed 1 --calibration-images 8 -o data/models/synthetic-2-64.json
./csdsim data synthetic --model data/models/synthetic-2-64.json -n 8 --seed 7 -o data/inputs/synthetic-8.npy
