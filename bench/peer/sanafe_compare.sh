#!/usr/bin/env bash
# csdsim and SANA-FE side by side on the same files (bench/peer/README.md, docs/sanafe.md): builds
# SANA-FE from local git directories if needed (build_sanafe.sh), writes three networks with a seed
# (make_networks.py: an MLP, a conv net, a recurrent net), runs both tools on SANA-FE's own
# arch/loihi.yaml, one thread each, and prints per tick — neurons fired, synaptic events, messages,
# hops, energy, simulated time — both tools and their ratio, then one summary line per network.
#
# usage: bench/peer/sanafe_compare.sh [TICKS] [SEED]      (defaults: 100 ticks, seed 1)
# Environment: those of build_sanafe.sh (GIT_ROOT or one variable per repository), or SANAFE_SIM
# (a built sim binary) with SANAFE_ARCH (its arch/loihi.yaml). OUT (default bench/peer/target/compare).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
top="$(cd "$here/../.." && pwd)"
ticks="${1:-100}"
seed="${2:-1}"
out="${OUT:-$here/target/compare}"
if [ -z "${SANAFE_SIM:-}" ]; then
    SANAFE_SIM=$("$here/build_sanafe.sh" | tail -1)
    SANAFE_ARCH="$(dirname "$(dirname "$SANAFE_SIM")")/arch/loihi.yaml"
fi
[ -x "$SANAFE_SIM" ] || { echo "sanafe_compare.sh: SANAFE_SIM=$SANAFE_SIM is not an executable" >&2; exit 2; }
[ -f "${SANAFE_ARCH:-}" ] || { echo "sanafe_compare.sh: SANAFE_ARCH=${SANAFE_ARCH:-} is not SANA-FE's arch/loihi.yaml" >&2; exit 2; }
mkdir -p "$out"
python3 "$here/make_networks.py" "$out" "$ticks" "$seed" >/dev/null
"$top/csdsim" --version >/dev/null   # builds csdsim if needed, outside the timed runs
now() { date +%s.%N; }
summaries=()
for net in mlp conv rnn; do
    rm -rf "$out/$net.sanafe"
    mkdir -p "$out/$net.sanafe"
    t0=$(now)
    OMP_NUM_THREADS=1 "$SANAFE_SIM" -t detailed -s -o "$out/$net.sanafe" "$SANAFE_ARCH" "$out/$net.yaml" "$ticks" >"$out/$net.sanafe.log" 2>&1
    t1=$(now)
    # csdsim runs one tick more than the timesteps, to deliver the last one's spikes: it counts a message's
    # synaptic events in the tick after it is sent (docs/sanafe.md).
    "$top/csdsim" simulate "$out/$net.yaml" --chip "$SANAFE_ARCH" --timesteps "$ticks" --threads 1 \
        --ticks "$out/$net.csdsim.csv" >"$out/$net.csdsim.log" 2>"$out/$net.csdsim.err"
    t2=$(now)
    sf_wall=$(python3 -c "print($t1 - $t0)")
    cs_wall=$(python3 -c "print($t2 - $t1)")
    cs_sim=$(sed -n 's/^simulated .* in \([0-9.]*\) s on .*/\1/p' "$out/$net.csdsim.err")
    # SANA-FE's own timers of its simulation loop: neuron and message processing, scheduling, energy
    # (its 'setup' entry is not a time in this build).
    sf_sim=$(python3 - "$out/$net.sanafe/run_summary.yaml" <<'PY'
import re, sys
text = open(sys.argv[1]).read().split("wall_time:")[1]
print(sum(float(re.search(k + r":\s*([0-9.eE+-]+)", text).group(1))
          for k in ("neuron_processing", "message_processing", "scheduler", "energy")))
PY
)
    python3 "$here/compare.py" "$net" "$out/$net.sanafe/perf.csv" "$out/$net.csdsim.csv" "$sf_wall" "$cs_wall" "$cs_sim" "$sf_sim" \
        | tee "$out/$net.compare.txt"
    summaries+=("$(tail -1 "$out/$net.compare.txt")")
done
echo
printf '%s\n' "${summaries[@]}"
