#!/usr/bin/env python3
"""Compares SANA-FE's perf.csv with csdsim's --ticks CSV of the same network, tick by tick.

Alignment (docs/sanafe.md): csdsim's tick t is SANA-FE's tick t + 1; a synaptic event SANA-FE counts in
the tick its message is sent, csdsim counts in the next (when the current is integrated), so csdsim
runs one tick more and its synaptic events and their energy are read one tick later.

usage: compare.py NAME SANAFE_PERF.csv CSDSIM_TICKS.csv SANAFE_WALL_S CSDSIM_WALL_S CSDSIM_SIM_S SANAFE_SIM_S
prints the per-tick table, then one summary line starting with 'summary'.
"""
import csv
import sys


def rows(path):
    with open(path) as f:
        return [{k.strip(): v.strip() for k, v in r.items()} for r in csv.DictReader(f)]


def main():
    name, sf_path, cs_path = sys.argv[1:4]
    sf_wall, cs_wall, cs_sim, sf_sim = (float(x) for x in sys.argv[4:8])
    sf = {int(r["timestep"]): r for r in rows(sf_path)}
    cs = {int(r["tick"]): r for r in rows(cs_path) if int(r["sample"]) == 0}
    ticks = sorted(sf)
    print(f"== {name}: {len(ticks)} ticks ==")
    print(f"{'tick':>5} | {'fired':>13} | {'syn events':>15} | {'messages':>11} | {'hops':>11} | "
          f"{'energy nJ sanafe/csdsim':>24} {'ratio':>7} | {'time us sanafe/csdsim':>22} {'ratio':>6}")
    same = {"fired": 0, "events": 0, "messages": 0, "hops": 0}
    worst_energy = 0.0
    cat_worst = {"synapse": 0.0, "soma": 0.0, "network": 0.0}
    time_ratios = []
    within = 0
    sums = {"sf_e": 0.0, "cs_e": 0.0, "sf_t": 0.0, "cs_t": 0.0}
    for tau in ticks:
        s = sf[tau]
        c = cs[tau - 1]
        c_next = cs.get(tau)
        fired_c = int(c["spikes"]) + int(c["input_spikes"])
        events_c = int(c_next["sops"]) if c_next else 0
        msgs_c = int(c["packets"])
        hops_c = int(c["hops_x"]) + int(c["hops_y"])
        fired_s, events_s, msgs_s, hops_s = int(s["fired"]), int(s["spikes"]), int(s["packets"]), int(s["hops"])
        same["fired"] += fired_c == fired_s
        same["events"] += events_c == events_s
        same["messages"] += msgs_c == msgs_s
        same["hops"] += hops_c == hops_s
        syn_c = (float(c_next["energy_synaptic_ops_pj"]) if c_next else 0.0) * 1e-12
        soma_c = sum(float(c[k]) for k in ("energy_neuron_accesses_pj", "energy_neuron_updates_pj", "energy_neuron_fires_pj")) * 1e-12
        net_c = sum(float(c[k]) for k in ("energy_messages_sent_pj", "energy_messages_received_pj", "energy_hops_pj")) * 1e-12
        e_c = syn_c + soma_c + net_c
        e_s = float(s["total_energy"])
        for cat, a, b in (("synapse", syn_c, float(s["synapse_energy"]) + float(s["dendrite_energy"])),
                          ("soma", soma_c, float(s["soma_energy"])), ("network", net_c, float(s["network_energy"]))):
            if b > 0:
                cat_worst[cat] = max(cat_worst[cat], abs(a / b - 1))
        ratio_e = e_c / e_s if e_s else float("nan")
        if e_s:
            worst_energy = max(worst_energy, abs(ratio_e - 1))
        t_c = float(c["latency_ns"]) * 1e-9
        t_s = float(s["sim_time"])
        time_ratios.append(t_c / t_s if t_s else float("nan"))
        within += t_s > 0 and abs(t_c / t_s - 1) <= 0.15
        sums["sf_e"] += e_s
        sums["cs_e"] += e_c
        sums["sf_t"] += t_s
        sums["cs_t"] += t_c
        mark = lambda a, b: f"{a:>6}/{b:<6}" if a != b else f"{a:>13}"
        print(f"{tau:>5} | {mark(fired_s, fired_c)} | {mark(events_s, events_c):>15} | {mark(msgs_s, msgs_c):>11} | "
              f"{mark(hops_s, hops_c):>11} | {e_s * 1e9:>11.4f}/{e_c * 1e9:<12.4f} {ratio_e:>7.4f} | "
              f"{t_s * 1e6:>10.4f}/{t_c * 1e6:<11.4f} {time_ratios[-1]:>6.3f}")
    n = len(ticks)
    tr = sorted(r for r in time_ratios if r == r)
    print(f"summary {name}: ticks {n}; identical ticks: fired {same['fired']}/{n}, synaptic events {same['events']}/{n}, "
          f"messages {same['messages']}/{n}, hops {same['hops']}/{n}; energy per tick worst |ratio-1| {worst_energy * 100:.3f} % "
          f"(synapse {cat_worst['synapse'] * 100:.3f} %, soma {cat_worst['soma'] * 100:.3f} %, network {cat_worst['network'] * 100:.3f} %), "
          f"total {sums['cs_e'] / sums['sf_e']:.4f}; simulated time per tick csdsim/sanafe median {tr[len(tr) // 2]:.3f} "
          f"(min {tr[0]:.3f}, max {tr[-1]:.3f}), within 15 % on {within}/{n} ticks, total {sums['cs_t'] / sums['sf_t']:.3f}; wall sanafe {sf_wall:.2f} s, csdsim {cs_wall:.2f} s "
          f"end to end ({sf_wall / cs_wall:.1f}x); simulation sanafe {sf_sim:.3f} s, csdsim {cs_sim:.3f} s ({sf_sim / cs_sim:.1f}x)")


if __name__ == "__main__":
    main()
