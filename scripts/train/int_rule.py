"""The integer rule of docs/quantization.md and the quantized activation of DESIGN §3.1, written
again in Python and numpy, independently of the Java code, so that its outputs can serve as golden
files for csdsim (DESIGN §4, invariant 3).

Everything here works from the exported model file (graph dict + F32 weights), exactly as csdsim
reads it, and follows the rule's arithmetic step by step in IEEE doubles: Java's Math.round is
floor(x + 1/2), Math.getExponent is frexp's exponent minus one, and sums that Java does in a loop
are done in the same order here.
"""

import json
import math
import struct

import numpy as np


def read_safetensors(path):
    """The F32 tensors of a safetensors file, by name (the format of docs/model-format.md)."""
    with open(path, "rb") as f:
        data = f.read()
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + n])
    base = 8 + n
    out = {}
    for name, t in header.items():
        if name == "__metadata__":
            continue
        assert t["dtype"] == "F32", name
        b, e = t["data_offsets"]
        out[name] = np.frombuffer(data[base + b:base + e], dtype="<f4").reshape(t["shape"])
    return out


def conv3x3(x, m):
    """Integer 3×3 conv (stride 1, pad 1) of x [H, W, Cin] with m [(ky, kx, cin), cout], by im2col."""
    h, w, cin = x.shape
    pad = np.zeros((h + 2, w + 2, cin), dtype=np.int64)
    pad[1:-1, 1:-1, :] = x
    cols = np.concatenate([pad[ky:ky + h, kx:kx + w, :] for ky in range(3) for kx in range(3)], axis=2)
    return (cols.reshape(h * w, 9 * cin) @ m).reshape(h, w, -1)


def java_round(x):
    return math.floor(x + 0.5)


def exponent(x):
    """Math.getExponent for a positive normal double."""
    return math.frexp(x)[1] - 1


def pow2(e):
    return math.ldexp(1.0, e)


class IntRule:
    """The integer network of one model: per node its mantissas, scales, shifts, thresholds, biases."""

    def __init__(self, graph, weights, weight_bits=8, membrane_bits=24, min_threshold_bits=8):
        self.graph = graph
        self.w = weights
        self.T = graph["T"]
        self.mmax = (1 << (weight_bits - 1)) - 1
        self.min_theta = pow2(min_threshold_bits)
        self.max_theta = pow2(min(30, membrane_bits - 4 - self.T.bit_length()))
        self.nodes = {n["name"]: n for n in graph["nodes"]}
        self.order = [n["name"] for n in graph["nodes"]]  # exporter writes them in topological order
        self.spike_value = {}
        self.proj = {}   # name -> dict(kind, m, scale, ...)
        self.pop = {}    # name -> dict(theta, v0, unit, inputs, shifts, bias)
        self._floors()
        for name in self.order:
            self._add(self.nodes[name])

    def _floors(self):
        self.floor = {}
        for n in self.graph["nodes"]:
            if n["op"] != "neuron":
                continue
            raw = n["threshold"] / self.max_theta
            f = pow2(exponent(raw) + 1)
            for i in n["inputs"]:
                self.floor[i] = max(self.floor.get(i, 0.0), f)

    def _p2scale(self, eff):
        mx = float(np.max(np.abs(eff))) if eff.size else 0.0
        if mx == 0:
            return 1.0
        raw = mx / self.mmax
        e = exponent(raw)
        return pow2(e) if raw == pow2(e) else pow2(e + 1)

    def _mantissas(self, eff, scale):
        q = np.floor(eff / scale + 0.5)
        return np.clip(q, -self.mmax, self.mmax).astype(np.int64)

    def _bias_sum(self, inputs, channels):
        """Σ of the inputs' float biases per channel, summed in input order as Java does."""
        b = [0.0] * channels
        for i in inputs:
            bv = self.proj[i]["bias"]
            if bv is not None:
                for c in range(channels):
                    b[c] += float(bv[c])
        return b

    def _add(self, n):
        op = n["op"]
        name = n["name"]
        if op == "input":
            return
        if op in ("conv3x3", "linear"):
            src = self.nodes[n["inputs"][0]]
            w = self.w[n["weight"]].astype(np.float64)
            if op == "conv3x3":
                cout, cin = w.shape[0], w.shape[1]
                if src["op"] == "input":
                    std = self.graph["input"]["std"]
                    f = np.array([self.T / (255.0 * std[c]) for c in range(cin)])
                    eff = w * f[None, :, None, None]
                else:
                    eff = w * self.spike_value[src["name"]]
                # [co, ci, ky, kx] -> [ky, kx, ci, co], flattened as an im2col matrix [(ky, kx, ci), co]
                eff = eff.transpose(2, 3, 1, 0).reshape(9 * cin, cout)
            else:
                eff = (w * self.spike_value[src["name"]]).T  # [din, dout]
            scale = max(self._p2scale(eff), self.floor.get(name, 0.0))
            self.proj[name] = dict(kind=op, src=src["name"], m=self._mantissas(eff, scale), scale=scale,
                                   bias=self.w[n["bias"]] if "bias" in n else None)
            return
        if op in ("qk", "av"):
            a, b = n["inputs"]
            c = n["scale"] * self.spike_value[a] * self.spike_value[b] / self.T
            self.proj[name] = dict(kind=op, a=a, b=b, heads=n["heads"], scale=c, bias=None)
            return
        if op == "maxpool":
            self.spike_value[name] = self.spike_value[n["inputs"][0]]
            return
        if op == "neuron":
            theta = n["threshold"]
            ins = n["inputs"]
            if self.proj[ins[0]]["kind"] in ("qk", "av"):
                pr = self.proj[ins[0]]
                e = 0
                while theta * pow2(e) / pr["scale"] < self.min_theta and e < 30:
                    e += 1
                unit = pr["scale"] / pow2(e)
                shifts = [e]
                bias = None
            else:
                unit = min(self.proj[i]["scale"] for i in ins)
                while theta / unit < self.min_theta:
                    unit /= 2
                shifts = [exponent(self.proj[i]["scale"]) - exponent(unit) for i in ins]
                ch = n["shape"][-1]
                b = self._bias_sum(ins, ch)
                bias = np.array([java_round(self.T * b[c] / unit) for c in range(ch)], dtype=np.int64)
            theta_int = max(1, java_round(theta / unit))
            assert theta_int <= self.max_theta, name
            v0 = theta_int // 2 if "v0" not in n else java_round(n["v0"] / unit)
            self.pop[name] = dict(theta=theta_int, v0=v0, unit=unit, inputs=ins, shifts=shifts, bias=bias)
            self.spike_value[name] = theta
            return
        if op == "readout":
            ins = n["inputs"]
            unit = min(self.proj[i]["scale"] for i in ins)
            shifts = [exponent(self.proj[i]["scale"]) - exponent(unit) for i in ins]
            features = self.nodes[ins[0]]["shape"][-1]
            tokens = int(np.prod(self.nodes[ins[0]]["shape"])) // features
            wb = self._bias_sum(ins, features)
            w = self.w[n["weight"]]  # [classes, features] float32
            classes = w.shape[0]
            eff = w.astype(np.float64).T  # [features, classes]
            hs = self._p2scale(eff)
            m = self._mantissas(eff, hs)
            hb = self.w[n["bias"]]
            logit_unit = hs * unit / (float(self.T) * tokens)
            bias = []
            for c in range(classes):
                acc = float(hb[c])
                for j in range(features):
                    acc += float(w[c, j]) * wb[j]
                bias.append(java_round(acc / logit_unit))
            self.readout = dict(inputs=ins, shifts=shifts, m=m, bias=np.array(bias, dtype=np.int64))
            return
        raise ValueError("unknown op " + op)

    # ---- the quantized activation, layer by layer (DESIGN §3.1) ----

    def run(self, pixels):
        """pixels: uint8 [H, W, C]. Returns (counts by population name, int64 logits)."""
        spec = self.graph["input"]
        zp = np.array([java_round(255.0 * m) for m in spec["mean"]], dtype=np.int64)
        counts = {"input": pixels.astype(np.int64) - zp[None, None, :]}
        cur = {}
        T = self.T
        for name in self.order:
            n = self.nodes[name]
            op = n["op"]
            if op in ("conv3x3", "linear"):
                pr = self.proj[name]
                x = counts[pr["src"]]
                if op == "conv3x3":
                    cur[name] = conv3x3(x, pr["m"])
                else:
                    cur[name] = x.reshape(-1, x.shape[-1]) @ pr["m"]
            elif op == "qk":
                pr = self.proj[name]
                q, k = counts[pr["a"]], counts[pr["b"]]
                nt, d = q.shape
                dk = d // pr["heads"]
                qh = q.reshape(nt, pr["heads"], dk).transpose(1, 0, 2)
                kh = k.reshape(nt, pr["heads"], dk).transpose(1, 0, 2)
                cur[name] = qh @ kh.transpose(0, 2, 1)  # [heads, N, N]
            elif op == "av":
                pr = self.proj[name]
                a, v = counts[pr["a"]], counts[pr["b"]]
                nt, d = v.shape
                dk = d // pr["heads"]
                vh = v.reshape(nt, pr["heads"], dk).transpose(1, 0, 2)
                cur[name] = (a @ vh).transpose(1, 0, 2).reshape(nt, d)
            elif op == "maxpool":
                x = counts[n["inputs"][0]]
                h, w_, c = x.shape
                ho, wo = (h - 1) // 2 + 1, (w_ - 1) // 2 + 1
                pad = np.zeros((h + 2, w_ + 2, c), dtype=np.int64)  # counts >= 0: padding never wins
                pad[1:-1, 1:-1, :] = x
                out = np.zeros((ho, wo, c), dtype=np.int64)
                for ky in range(3):
                    for kx in range(3):
                        out = np.maximum(out, pad[ky:ky + 2 * ho:2, kx:kx + 2 * wo:2, :])
                counts[name] = out
            elif op == "neuron":
                p = self.pop[name]
                shape = tuple(n["shape"])
                x = np.zeros(shape, dtype=np.int64)
                for i, s in zip(p["inputs"], p["shifts"]):
                    x = x + (cur[i].reshape(shape) << s)
                if p["bias"] is not None:
                    x = x + p["bias"]  # broadcast over the last (channel) axis
                counts[name] = np.clip(np.floor_divide(x + p["v0"], p["theta"]), 0, T)
            elif op == "readout":
                r = self.readout
                features = r["m"].shape[0]
                col = np.zeros(features, dtype=np.int64)
                for i, s in zip(r["inputs"], r["shifts"]):
                    col += (cur[i].reshape(-1, features) << s).sum(axis=0)
                logits = r["bias"] + col @ r["m"]
        return counts, logits
