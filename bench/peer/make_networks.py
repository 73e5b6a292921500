#!/usr/bin/env python3
"""Writes the three SANA-FE SNN files of the side-by-side runs (bench/peer/README.md), seeded.

  a) mlp:  784 input units -> 512 IF -> 10 IF, dense, Bernoulli input trains
  b) conv: 2x16x16 input units -> conv2d 3x3 x8 (stride 1) -> IF [8x14x14] -> dense -> 10 IF
  c) rnn:  200 input units -> sparse -> 300 IF with sparse recurrence -> dense -> 20 IF

Every weight, threshold and bias is an integer and no neuron leaks: the regime in which csdsim runs
SANA-FE's networks exactly (docs/sanafe.md). Input neuron k of a core takes its own input unit
(loihi_inputs[k]), as SANA-FE's input model keeps one train per unit. Groups sit on cores of tiles
apart, so that messages cross the mesh in x and y.

usage: make_networks.py OUT_DIR TICKS [SEED]
"""
import os
import sys

import numpy as np

MAX_PER_CORE = 1024


def trains(rng, units, ticks, rate):
    return (rng.random((units, ticks)) < rate).astype(np.int8)


def input_group(name, spikes):
    lines = [f"    - name: {name}", "      neurons:"]
    for n, row in enumerate(spikes):
        lines.append(f"        - {n}: {{spikes: [{', '.join(str(int(v)) for v in row)}]}}")
    return lines


def lif_group(name, size, threshold, bias=0):
    attrs = f"threshold: {threshold}, reset: 0, reset_mode: hard" + (f", bias: {bias}" if bias else "")
    return [f"    - name: {name}", f"      attributes: {{{attrs}}}", f"      neurons: [0..{size - 1}]"]


def dense(src, dst, w):
    return [f"    - {src} -> {dst}: {{type: dense, weight: [{', '.join(str(int(v)) for v in w.reshape(-1))}]}}"]


def sparse(src, dst, pairs, w):
    p = ", ".join(f"[{s}, {t}]" for s, t in pairs)
    return [f"    - {src} -> {dst}: {{type: sparse, source_target_pairs: [{p}], weight: [{', '.join(str(int(v)) for v in w)}]}}"]


def mappings(groups):
    """groups: (name, size, 'TILE.CORE' per core used, input?) -> mapping lines, one core per 1024 neurons."""
    lines = ["mappings:"]
    for name, size, cores, is_input in groups:
        for k, core in enumerate(cores):
            lo = k * MAX_PER_CORE
            hi = min(size, lo + MAX_PER_CORE) - 1
            if lo > hi:
                break
            if is_input:
                for n in range(lo, hi + 1):
                    lines.append(f"  - {name}.{n}: {{core: '{core}', soma: 'loihi_inputs[{n - lo}]'}}")
            else:
                lines.append(f"  - {name}.{lo}..{hi}: {{core: '{core}'}}")
    return lines


def write(path, name, groups, edges, maps):
    with open(path, "w") as f:
        f.write("\n".join(["network:", f"  name: {name}", "  groups:"] + groups + ["  edges:"] + edges + maps) + "\n")


def mlp(rng, ticks):
    w1 = rng.integers(-4, 6, size=(784, 512))
    w2 = rng.integers(-3, 5, size=(512, 10))
    groups = input_group("in", trains(rng, 784, ticks, 0.08)) + lif_group("hidden", 512, 24) + lif_group("out", 10, 40)
    edges = dense("in", "hidden", w1) + dense("hidden", "out", w2)
    return groups, edges, mappings([("in", 784, ["0.0"], True), ("hidden", 512, ["9.1"], False), ("out", 10, ["30.3"], False)])


def conv(rng, ticks):
    c, h, w, k = 2, 16, 16, 8
    filt = rng.integers(-3, 5, size=(3, 3, c, k))
    oh, ow = h - 2, w - 2
    w2 = rng.integers(-2, 4, size=(k * oh * ow, 10))
    groups = input_group("in", trains(rng, c * h * w, ticks, 0.15)) + lif_group("conv", k * oh * ow, 12) + lif_group("out", 10, 60)
    edges = [f"    - in -> conv: {{type: conv2d, input_width: {w}, input_height: {h}, input_channels: {c}, kernel_width: 3, "
             f"kernel_height: 3, kernel_count: {k}, weight: [{', '.join(str(int(v)) for v in filt.reshape(-1))}]}}"]
    edges += dense("conv", "out", w2)
    return groups, edges, mappings([("in", c * h * w, ["0.0"], True), ("conv", k * oh * ow, ["5.2", "6.0"], False),
                                    ("out", 10, ["27.1"], False)])


def rnn(rng, ticks):
    n_in, n_rec, n_out = 200, 300, 20
    pairs_in = [(s, int(t)) for s in range(n_in) for t in rng.choice(n_rec, 12, replace=False)]
    w_in = rng.integers(1, 7, size=len(pairs_in))
    pairs_rec = [(s, int(t)) for s in range(n_rec) for t in rng.choice(n_rec, 8, replace=False)]
    w_rec = rng.integers(-6, 5, size=len(pairs_rec))
    w_out = rng.integers(-2, 5, size=(n_rec, n_out))
    groups = input_group("in", trains(rng, n_in, ticks, 0.1)) + lif_group("rec", n_rec, 18, bias=1) + lif_group("out", n_out, 50)
    edges = sparse("in", "rec", pairs_in, w_in) + sparse("rec", "rec", pairs_rec, w_rec) + dense("rec", "out", w_out)
    return groups, edges, mappings([("in", n_in, ["0.1"], True), ("rec", n_rec, ["14.0"], False), ("out", n_out, ["19.3"], False)])


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out, ticks = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    os.makedirs(out, exist_ok=True)
    for i, (name, make) in enumerate([("mlp", mlp), ("conv", conv), ("rnn", rnn)]):
        groups, edges, maps = make(np.random.default_rng(seed * 100 + i), ticks)
        write(os.path.join(out, name + ".yaml"), name, groups, edges, maps)
        print(os.path.join(out, name + ".yaml"))


if __name__ == "__main__":
    main()
