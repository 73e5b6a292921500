package io.csdsim.mapper;

import java.util.List;

/**
 * How one range [a, b) of a population sits on cores: one group taking all its inputs, or a soma
 * group and dendrite groups, each dendrite taking pieces of the fan-in (triples: edge, from, to).
 */
record ChunkPlan(int a, int b, CoreUse soma, List<int[]> dendritePieces, List<CoreUse> dendriteUse)
{
    int groups()
    {
        return 1 + dendritePieces.size();
    }
}
