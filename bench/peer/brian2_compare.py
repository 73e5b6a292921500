"""Peer comparison: the same spiking network in Brian2 and in csdsim.

The network is the shipped model's tokenizer up to its third neuron layer — the image's conv0
current into tok.sn0, then tok.conv1 → tok.sn1 → tok.conv2 → tok.sn2: 43,904 integrate-and-fire
neurons and 4.5 M synapses — with the integer weights of the integer rule (each synapse's weight
is its mantissa shifted by its edge's exponent), thresholds, initial potentials and biases. In
Brian2 each layer is a NeuronGroup that integrates every tick and may fire, with reset by
subtraction, only within its firing window (DESIGN §3.2, §3.6: windows start at ticks 4, 8, 12
for D = 3); synapses carry a spike to the next tick. csdsim runs the same layers (a model file of
just those nodes) with `csdsim simulate`, chip and network-on-chip modelled.

The script checks that every layer's spike count agrees image by image, and prints the speed of
each: Brian2's run time per image (network built once, code generated on the first image), and
csdsim's simulation time per image as it reports it (engine only: no JVM start, no compile).

Run: /usr/bin/python3 bench/peer/brian2_compare.py [--images 20]   (Debian's python3-brian)
Not part of CI.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "scripts", "train"))
from int_rule import IntRule, conv3x3, read_safetensors  # noqa: E402
from csdformer_fmnist import read_idx, write_safetensors  # noqa: E402

LAYERS = ["tok.sn0", "tok.sn1", "tok.sn2"]
KEEP = ["input", "tok.conv0", "tok.sn0", "tok.conv1", "tok.sn1", "tok.conv2", "tok.sn2"]


def load_model(path):
    with open(path) as f:
        graph = json.load(f)
    weights = read_safetensors(os.path.join(os.path.dirname(path), graph["weights"]))
    return graph, weights


def truncated(graph, weights, folder):
    """The layers compared, as a csdsim model file of their own."""
    g = dict(graph)
    g["name"] = "fashion-mnist-tokenizer-3-layers"
    g["nodes"] = [n for n in graph["nodes"] if n["name"] in KEEP]
    g["weights"] = "tokenizer.safetensors"
    names = [n[k] for n in g["nodes"] for k in ("weight", "bias") if k in n]
    write_safetensors(os.path.join(folder, "tokenizer.safetensors"), {k: weights[k] for k in names})
    path = os.path.join(folder, "tokenizer.json")
    with open(path, "w") as f:
        json.dump(g, f)
    return path, g


def conv_synapses(m, shift, h, w, cin, cout):
    """Pre index, post index and integer weight of every synapse of a 3×3 conv, token-major units."""
    pre, post, wt = [], [], []
    mm = m.reshape(3, 3, cin, cout)
    for ky in range(3):
        for kx in range(3):
            for y in range(h):
                yi = y + ky - 1
                if yi < 0 or yi >= h:
                    continue
                for x in range(w):
                    xi = x + kx - 1
                    if xi < 0 or xi >= w:
                        continue
                    src = (yi * w + xi) * cin + np.arange(cin)
                    dst = (y * w + x) * cout + np.arange(cout)
                    pre.append(np.repeat(src, cout))
                    post.append(np.tile(dst, cin))
                    wt.append((mm[ky, kx].astype(np.int64) << shift).reshape(-1))
    return np.concatenate(pre), np.concatenate(post), np.concatenate(wt)


def brian2_network(rule, graph):
    import brian2 as b2
    b2.prefs.codegen.target = "cython"
    b2.defaultclock.dt = 1 * b2.ms  # one tick
    T = graph["T"]
    D = graph["D"]
    nodes = {n["name"]: n for n in graph["nodes"]}
    groups = {}
    window = {}
    f = 0
    for name in LAYERS:
        f = f + 1 + D  # DESIGN §3.6: f(p) = f(source) + delay (1 tick) + D; the input stage has f = 0
        window[name] = f
        size = int(np.prod(nodes[name]["shape"]))
        # Ticks compared as integers (timestep), not as float times: f + T·dt may round below t.
        g = b2.NeuronGroup(size, "v : 1\ntheta : 1\nf : integer (constant)\ncount : 1",
                           threshold="v >= theta and timestep(t, dt) >= f and timestep(t, dt) < f + %d" % T,
                           reset="v -= theta\ncount += 1", method="exact", name=name.replace(".", "_"))
        g.theta = rule.pop[name]["theta"]
        g.f = f
        groups[name] = g
    synapses = []
    for src, conv, dst in (("tok.sn0", "tok.conv1", "tok.sn1"), ("tok.sn1", "tok.conv2", "tok.sn2")):
        n = nodes[conv]
        h, w, cout = n["shape"]
        cin = nodes[src]["shape"][2]
        pre, post, wt = conv_synapses(rule.proj[conv]["m"], rule.pop[dst]["shifts"][0], h, w, cin, cout)
        s = b2.Synapses(groups[src], groups[dst], "w : 1", on_pre="v_post += w", delay=0 * b2.ms, name=conv.replace(".", "_"))
        s.connect(i=pre, j=post)
        s.w = wt.astype(np.float64)
        # The pathway runs before the thresholds: at tick t+1 it reads the spikes of tick t (the source's
        # last threshold) and, with no further delay, adds them before tick t+1 fires — one tick of transport.
        s.pre.when = "before_thresholds"
        synapses.append(s)
    net = b2.Network(list(groups.values()) + synapses)
    return net, groups, window, b2


def main():
    ap = argparse.ArgumentParser(description="Brian2 against csdsim on the shipped model's first layers")
    ap.add_argument("--images", type=int, default=20)
    ap.add_argument("--model", default=os.path.join(ROOT, "data/models/fashion-mnist.json"))
    ap.add_argument("--input", default=os.path.join(ROOT, "data/inputs/fashion-mnist-test-1000-images-idx3-ubyte.gz"))
    args = ap.parse_args()
    graph, weights = load_model(args.model)
    rule = IntRule(graph, weights)
    images = read_idx(args.input)[:args.images]
    T = graph["T"]

    # Brian2
    t0 = time.time()
    net, groups, window, b2 = brian2_network(rule, graph)
    net.store()
    build = time.time() - t0
    last = max(window.values()) + T
    brian_counts = []
    run_time = 0.0
    for k, img in enumerate(images):
        net.restore()
        counts, _ = rule.run(img[:, :, None])
        x0 = None
        for name in LAYERS:
            p = rule.pop[name]
            v0 = np.full(groups[name].N, p["v0"], dtype=np.int64) + np.tile(p["bias"], groups[name].N // len(p["bias"]))
            if name == "tok.sn0":  # the image's conv0 current, injected once by the input stage
                pr = rule.proj["tok.conv0"]
                x = img[:, :, None].astype(np.int64) - np.array([round(255.0 * m) for m in graph["input"]["mean"]], dtype=np.int64)
                x0 = conv3x3(x, pr["m"]).reshape(-1) << p["shifts"][0]
                v0 = v0 + x0
            groups[name].v = v0.astype(np.float64)
            groups[name].count = 0
        t1 = time.time()
        net.run(last * b2.ms)
        run_time += time.time() - t1 if k > 0 else 0.0  # the first run includes code generation
        brian_counts.append([int(np.sum(groups[n].count[:])) for n in LAYERS])
        ref = [int(counts[n].sum()) for n in LAYERS]
        assert brian_counts[-1] == ref, "image %d: Brian2 %s, integer rule %s" % (k, brian_counts[-1], ref)
    brian_per_image = run_time / max(1, len(images) - 1)

    # csdsim, on the same layers
    with tempfile.TemporaryDirectory() as tmp:
        model, _ = truncated(graph, weights, tmp)
        npy = os.path.join(tmp, "images.npy")
        np.save(npy, images[:, :, :, None].astype(np.uint8))
        report = os.path.join(tmp, "r.json")
        run = subprocess.run([os.path.join(ROOT, "csdsim"), "simulate", model, "--input", npy, "--threads", "1", "--report", report],
                             check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        # csdsim prints its own simulation time (engine only: no JVM start, no compile) on stderr.
        line = next(l for l in run.stderr.splitlines() if l.startswith("simulated "))
        csdsim_per_image = float(line.rsplit(":", 1)[1].split()[0])
        with open(report) as f:
            rep = json.load(f)
    cs = {p["name"]: p["spikes"] for p in rep["populations"] if p["name"] in LAYERS}
    brian_total = {n: sum(c[i] for c in brian_counts) for i, n in enumerate(LAYERS)}
    for n in LAYERS:
        assert cs[n] == brian_total[n], "%s: csdsim %d spikes, Brian2 %d" % (n, cs[n], brian_total[n])
    print("layers        %s (%d neurons)" % (", ".join(LAYERS), sum(groups[n].N for n in LAYERS)))
    print("images        %d; spike counts agree per image and layer (Brian2 = integer rule) and in total (csdsim)" % len(images))
    for n in LAYERS:
        print("  %-10s  %9d spikes" % (n, brian_total[n]))
    print("Brian2        %.3f s per image (cython; network built once in %.1f s)" % (brian_per_image, build))
    print("csdsim        %.3f s per image (1 thread, chip and network-on-chip modelled)" % csdsim_per_image)
    print("speed ratio   csdsim is %.1fx Brian2's speed" % (brian_per_image / csdsim_per_image))


if __name__ == "__main__":
    main()
