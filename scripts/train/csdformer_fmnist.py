"""Trains a small CSDformer on Fashion-MNIST, exports it as a csdsim model, and writes golden files.

The network is DESIGN §3.5's graph for 28×28×1 inputs with the max-pools placed as on CIFAR
(28 → 14 → 7: 49 tokens): a five-conv tokenizer, pre-activation blocks with per-head (Q·Kᵀ)·V, a
residual stream read by every SN_in / SN_in2, and a global-average-pool + linear readout. It is
trained as the paper converts: BatchNorm after every conv and linear layer, a quantizer before every
one (every ReLU, NReLU's included, is an LSQ quantizer with T levels and a learned clip θ, rounding
as v0 = θ/2 does), quantization-aware from the first step. After training the BNs are folded into
the layers and the model is written in csdsim's format (docs/model-format.md).

Then the exporter evaluates the shipped test images with the integer rule (int_rule.py, an
implementation independent of csdsim's Java one) and writes the golden files: per image, every
population's spike-count total and the integer logits; every neuron's count for the first images.

Run it with Debian's python3-torch and dataset-fashion-mnist (scripts/train-fashion-mnist.sh).
"""

import argparse
import gzip
import json
import math
import os
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from int_rule import IntRule  # noqa: E402

MEAN = 0.2860
STD = 0.3530
CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]


def read_idx(path):
    with gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb") as f:
        data = f.read()
    magic = struct.unpack(">I", data[:4])[0]
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def write_idx_gz(path, array):
    header = struct.pack(">I", 0x0800 | array.ndim) + struct.pack(">" + "I" * array.ndim, *array.shape)
    with gzip.GzipFile(path, "wb", mtime=0) as f:  # mtime 0: the same bytes on every run
        f.write(header + array.astype(np.uint8).tobytes())


class Quantizer(nn.Module):
    """LSQ quantizer with T levels and learned clip θ: θ/T · clip(round(T·z/θ), 0, T)."""

    def __init__(self, T):
        super().__init__()
        self.T = T
        self.theta = nn.Parameter(torch.tensor(1.0))
        self.initialised = False

    def forward(self, z):
        if self.training and not self.initialised:
            with torch.no_grad():  # LSQ's initial step 2·mean|z|/sqrt(Qp), as a clip θ = T·step
                self.theta.fill_(max(float(2 * z.abs().mean() / math.sqrt(self.T) * self.T), 1e-3))
            self.initialised = True
        theta = self.theta.abs() + 1e-6
        g = 1.0 / math.sqrt(z.numel() / z.shape[0] * self.T)
        theta = theta * g + (theta - theta * g).detach()  # LSQ gradient scale
        v = torch.clamp(z * self.T / theta, 0, self.T)
        v = v + (torch.floor(v + 0.5) - v).detach()  # round half up, as floor((X + θ/2)/θ); straight through
        return v * theta / self.T


class LinearBN(nn.Module):
    """Per-token linear layer followed by BatchNorm over features (folded on export)."""

    def __init__(self, din, dout, bias):
        super().__init__()
        self.fc = nn.Linear(din, dout, bias=bias)
        self.bn = nn.BatchNorm1d(dout)

    def forward(self, x):  # x: [B, N, D]
        b, n, _ = x.shape
        return self.bn(self.fc(x).reshape(b * n, -1)).reshape(b, n, -1)


class ConvBN(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, 3, 1, 1, bias=False)
        self.bn = nn.BatchNorm2d(cout)

    def forward(self, x):
        return self.bn(self.conv(x))


class Block(nn.Module):
    def __init__(self, d, heads, tokens, T):
        super().__init__()
        self.heads = heads
        self.dk = d // heads
        self.tokens = tokens
        self.sn_in = Quantizer(T)
        self.q, self.k, self.v = LinearBN(d, d, False), LinearBN(d, d, False), LinearBN(d, d, False)
        self.sn_q, self.sn_k, self.sn_v = Quantizer(T), Quantizer(T), Quantizer(T)
        self.sn_a = Quantizer(T)
        self.sn_o = Quantizer(T)
        self.proj = LinearBN(d, d, True)
        self.sn_in2 = Quantizer(T)
        self.fc1 = LinearBN(d, 4 * d, True)
        self.sn_h = Quantizer(T)
        self.fc2 = LinearBN(4 * d, d, True)

    def forward(self, x):
        b, n, d = x.shape
        s = self.sn_in(x)
        q = self.sn_q(self.q(s)).reshape(b, n, self.heads, self.dk).transpose(1, 2)
        k = self.sn_k(self.k(s)).reshape(b, n, self.heads, self.dk).transpose(1, 2)
        v = self.sn_v(self.v(s)).reshape(b, n, self.heads, self.dk).transpose(1, 2)
        a = self.sn_a((q @ k.transpose(-1, -2)) * (1.0 / math.sqrt(self.dk)))  # NReLU: the quantizer clips at 0
        o = self.sn_o((a @ v) * (1.0 / n)).transpose(1, 2).reshape(b, n, d)
        x = x + self.proj(o)
        h = self.sn_h(self.fc1(self.sn_in2(x)))
        return x + self.fc2(h)


class CsdformerFmnist(nn.Module):
    def __init__(self, blocks=2, embed=64, heads=8, T=4):
        super().__init__()
        self.T = T
        self.embed = embed
        self.heads = heads
        widths = [embed // 8, embed // 4, embed // 2, embed, embed]
        cin = 1
        self.convs = nn.ModuleList()
        for w in widths:
            self.convs.append(ConvBN(cin, w))
            cin = w
        self.sn = nn.ModuleList([Quantizer(T) for _ in range(4)])
        self.blocks = nn.ModuleList([Block(embed, heads, 49, T) for _ in range(blocks)])
        self.head = nn.Linear(embed, 10)

    def forward(self, x):  # x: normalised [B, 1, 28, 28]
        for i in range(5):
            if i >= 3:
                x = F.max_pool2d(x, 3, 2, 1)
            x = self.convs[i](x)
            if i < 4:
                x = self.sn[i](x)
        x = x.flatten(2).transpose(1, 2)  # [B, N, D] token-major
        for blk in self.blocks:
            x = blk(x)
        return self.head(x.mean(dim=1))


def fold(layer):
    """BN folded into the preceding conv/linear: W' = W·γ/σ, b' = (b − μ)·γ/σ + β."""
    bn = layer.bn
    lin = layer.conv if isinstance(layer, ConvBN) else layer.fc
    g = (bn.weight / torch.sqrt(bn.running_var + bn.eps)).detach()
    w = lin.weight.detach() * g.reshape(-1, *([1] * (lin.weight.dim() - 1)))
    b = lin.bias.detach() if lin.bias is not None else torch.zeros_like(bn.running_mean)
    b = (b - bn.running_mean) * g + bn.bias.detach()
    return w.float().numpy(), b.float().numpy()


def theta(q):
    return float(np.float32(q.theta.detach().abs().item() + 1e-6))


def export(model, path, T, D):
    """Writes MODEL.json and MODEL.safetensors in csdsim's format; returns (graph, weights)."""
    tensors = {}
    nodes = [dict(name="input", op="input", inputs=[], shape=[28, 28, 1])]
    d = model.embed
    widths = [d // 8, d // 4, d // 2, d, d]
    side = 28
    prev = "input"
    for i in range(5):
        if i >= 3:
            side = (side - 1) // 2 + 1
            nodes.append(dict(name="tok.pool%d" % i, op="maxpool", inputs=[prev], shape=[side, side, widths[i - 1]]))
            prev = "tok.pool%d" % i
        w, b = fold(model.convs[i])
        name = "tok.conv%d" % i
        tensors[name + ".weight"], tensors[name + ".bias"] = w, b
        nodes.append(dict(name=name, op="conv3x3", inputs=[prev], shape=[side, side, widths[i]], weight=name + ".weight",
                          bias=name + ".bias", archBatchNorm=True))
        prev = name
        if i < 4:
            sn = "tok.sn%d" % i
            nodes.append(dict(name=sn, op="neuron", inputs=[name], shape=[side, side, widths[i]], threshold=theta(model.sn[i])))
            prev = sn
    tokens = side * side
    writers = [prev]
    for l, blk in enumerate(model.blocks):
        p = "blk%d." % l
        tok = [tokens, d]
        nodes.append(dict(name=p + "sn_in", op="neuron", inputs=list(writers), shape=tok, threshold=theta(blk.sn_in)))
        for letter in "qkv":
            w, b = fold(getattr(blk, letter))
            tensors[p + letter + ".weight"], tensors[p + letter + ".bias"] = w, b
            nodes.append(dict(name=p + letter, op="linear", inputs=[p + "sn_in"], shape=tok, weight=p + letter + ".weight",
                              bias=p + letter + ".bias", archBatchNorm=True))
            nodes.append(dict(name=p + "sn_" + letter, op="neuron", inputs=[p + letter], shape=tok,
                              threshold=theta(getattr(blk, "sn_" + letter))))
        nodes.append(dict(name=p + "qk", op="qk", inputs=[p + "sn_q", p + "sn_k"], shape=[model.heads, tokens, tokens],
                          heads=model.heads, scale=1.0 / math.sqrt(d // model.heads)))
        nodes.append(dict(name=p + "sn_a", op="neuron", inputs=[p + "qk"], shape=[model.heads, tokens, tokens],
                          threshold=theta(blk.sn_a)))
        nodes.append(dict(name=p + "av", op="av", inputs=[p + "sn_a", p + "sn_v"], shape=tok, heads=model.heads,
                          scale=1.0 / tokens))
        nodes.append(dict(name=p + "sn_o", op="neuron", inputs=[p + "av"], shape=tok, threshold=theta(blk.sn_o)))
        for lin, src, shape in (("proj", "sn_o", tok), ("fc1", "sn_in2", [tokens, 4 * d]), ("fc2", "sn_h", tok)):
            if lin == "fc1":
                nodes.append(dict(name=p + "sn_in2", op="neuron", inputs=list(writers), shape=tok, threshold=theta(blk.sn_in2)))
            w, b = fold(getattr(blk, lin))
            tensors[p + lin + ".weight"], tensors[p + lin + ".bias"] = w, b
            nodes.append(dict(name=p + lin, op="linear", inputs=[p + src], shape=shape, weight=p + lin + ".weight",
                              bias=p + lin + ".bias", archBias=True, archBatchNorm=True))
            if lin == "fc1":
                nodes.append(dict(name=p + "sn_h", op="neuron", inputs=[p + "fc1"], shape=shape, threshold=theta(blk.sn_h)))
            else:
                writers.append(p + lin)
    tensors["head.weight"] = model.head.weight.detach().float().numpy()
    tensors["head.bias"] = model.head.bias.detach().float().numpy()
    nodes.append(dict(name="readout", op="readout", inputs=list(writers), shape=[10], weight="head.weight", bias="head.bias",
                      archBias=True))
    base = os.path.splitext(os.path.basename(path))[0]
    graph = {
        "format": "csdsim-model", "formatVersion": 1, "name": "csdformer-%d-%d-fashion-mnist" % (len(model.blocks), d),
        "architecture": {"family": "csdformer", "blocks": len(model.blocks), "embed": d, "heads": model.heads, "mlpRatio": 4,
                         "dataset": "fashion-mnist", "classes": 10, "pooling": "cifar", "trained": "LSQ QAT, scripts/train"},
        "T": T, "D": D,
        "input": {"shape": [28, 28, 1], "mean": [MEAN], "std": [STD], "encoding": "direct"},
        "weights": base + ".safetensors",
        "nodes": nodes,
    }
    with open(path + ".tmp", "w") as f:
        json.dump(graph, f, indent=1)
        f.write("\n")
    write_safetensors(os.path.join(os.path.dirname(path), base + ".safetensors"), tensors)
    os.replace(path + ".tmp", path)
    return graph, {k: v.astype(np.float32) for k, v in tensors.items()}


def write_safetensors(path, tensors):
    header = {}
    offset = 0
    names = sorted(tensors)
    for n in names:
        size = tensors[n].size * 4
        header[n] = {"dtype": "F32", "shape": list(tensors[n].shape), "data_offsets": [offset, offset + size]}
        offset += size
    header["__metadata__"] = {"producer": "scripts/train/csdformer_fmnist.py"}
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path + ".tmp", "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for n in names:
            f.write(np.ascontiguousarray(tensors[n], dtype="<f4").tobytes())
    os.replace(path + ".tmp", path)


def normalise(images):
    return (torch.from_numpy(np.array(images)).float().unsqueeze(1) / 255.0 - MEAN) / STD


def evaluate(model, images, labels, batch=500):
    model.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, len(images), batch):
            out = model(normalise(images[i:i + batch]))
            correct += int((out.argmax(1).numpy() == labels[i:i + batch]).sum())
    return correct / len(images)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="/usr/share/datasets/fashion-mnist", help="folder of the four Fashion-MNIST IDX files")
    ap.add_argument("--out", default="data", help="the repository's data folder")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--embed", type=int, default=64)
    ap.add_argument("--blocks", type=int, default=2)
    ap.add_argument("--heads", type=int, default=8)
    ap.add_argument("--T", type=int, default=4)
    ap.add_argument("--D", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--shipped", type=int, default=1000, help="test images shipped and evaluated for the golden files")
    ap.add_argument("--full-counts", type=int, default=8, help="images whose every neuron's count is written")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--limit-train", type=int, default=0, help="train on the first N images only (for a quick check)")
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    torch.set_num_threads(args.threads)
    started = time.time()

    xtr = read_idx(os.path.join(args.data, "train-images-idx3-ubyte.gz"))
    ytr = read_idx(os.path.join(args.data, "train-labels-idx1-ubyte.gz")).astype(np.int64)
    xte = read_idx(os.path.join(args.data, "t10k-images-idx3-ubyte.gz"))
    yte = read_idx(os.path.join(args.data, "t10k-labels-idx1-ubyte.gz")).astype(np.int64)
    if args.limit_train:
        xtr, ytr = xtr[:args.limit_train], ytr[:args.limit_train]

    model = CsdformerFmnist(args.blocks, args.embed, args.heads, args.T)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    steps = args.epochs * ((len(xtr) + args.batch - 1) // args.batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=steps, pct_start=0.15)
    rng = np.random.default_rng(args.seed)
    for epoch in range(args.epochs):
        model.train()
        perm = rng.permutation(len(xtr))
        total, loss_sum = 0, 0.0
        for i in range(0, len(perm), args.batch):
            idx = perm[i:i + args.batch]
            imgs = xtr[idx]
            flip = rng.random(len(idx)) < 0.5  # horizontal flips: garments are left-right symmetric
            imgs = np.where(flip[:, None, None], imgs[:, :, ::-1], imgs)
            out = model(normalise(np.ascontiguousarray(imgs)))
            loss = F.cross_entropy(out, torch.from_numpy(ytr[idx]), label_smoothing=0.05)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += len(idx)
            loss_sum += float(loss) * len(idx)
        acc = evaluate(model, xte[:2000], yte[:2000])
        print("epoch %d  loss %.4f  test[:2000] %.4f  %.0f s" % (epoch + 1, loss_sum / total, acc, time.time() - started), flush=True)
    train_seconds = time.time() - started

    float_acc_full = evaluate(model, xte, yte)
    shipped_x, shipped_y = xte[:args.shipped], yte[:args.shipped]
    float_acc = evaluate(model, shipped_x, shipped_y)

    models_dir = os.path.join(args.out, "models")
    inputs_dir = os.path.join(args.out, "inputs")
    golden_dir = os.path.join(args.out, "golden")
    for d in (models_dir, inputs_dir, golden_dir):
        os.makedirs(d, exist_ok=True)
    graph, weights = export(model, os.path.join(models_dir, "fashion-mnist.json"), args.T, args.D)
    write_idx_gz(os.path.join(inputs_dir, "fashion-mnist-test-%d-images-idx3-ubyte.gz" % args.shipped), shipped_x)
    write_idx_gz(os.path.join(inputs_dir, "fashion-mnist-test-%d-labels-idx1-ubyte.gz" % args.shipped), shipped_y)

    rule = IntRule(graph, weights)
    pops = [n["name"] for n in graph["nodes"] if n["op"] in ("neuron", "maxpool")]
    totals, logits, predicted = [], [], []
    full = []
    for i in range(len(shipped_x)):
        counts, lg = rule.run(shipped_x[i][:, :, None])
        totals.append([int(counts[p].sum()) for p in pops])
        logits.append([int(v) for v in lg])
        predicted.append(int(np.argmax(lg)))  # first of equal maxima, as csdsim
        if i < args.full_counts:
            full.append(np.concatenate([counts[p].reshape(-1) for p in pops]).astype(np.uint8))
    int_acc = float(np.mean(np.array(predicted) == shipped_y))
    sizes = [int(np.prod(next(n["shape"] for n in graph["nodes"] if n["name"] == p))) for p in pops]
    golden = {
        "model": "models/fashion-mnist.json",
        "images": os.path.basename(inputs_dir) + "/fashion-mnist-test-%d-images-idx3-ubyte.gz" % args.shipped,
        "producer": "scripts/train/int_rule.py (the integer rule of docs/quantization.md, in numpy)",
        "populations": pops,
        "sizes": sizes,
        "labels": [int(v) for v in shipped_y],
        "predicted": predicted,
        "logits": logits,
        "totals": totals,
        "fullCounts": "golden/fashion-mnist-counts.u8.gz",
        "fullCountsLayout": "gzip of uint8 [image][population in 'populations' order][neuron], first fullCountImages images",
        "fullCountImages": len(full),
        "accuracy": {"float": float_acc, "integer": int_acc, "floatFullTestSet": float_acc_full},
        "training": {"epochs": args.epochs, "seconds": round(train_seconds), "seed": args.seed, "threads": args.threads},
    }
    with open(os.path.join(golden_dir, "fashion-mnist-golden.json"), "w") as f:
        json.dump(golden, f, separators=(",", ":"))
        f.write("\n")
    with gzip.GzipFile(os.path.join(golden_dir, "fashion-mnist-counts.u8.gz"), "wb", mtime=0) as f:
        f.write(np.stack(full).tobytes())
    print("float accuracy: %.4f on the %d shipped images, %.4f on all 10,000" % (float_acc, args.shipped, float_acc_full))
    print("integer-rule accuracy on the shipped images: %.4f" % int_acc)
    print("training took %.0f s; everything %.0f s" % (train_seconds, time.time() - started))


if __name__ == "__main__":
    main()
