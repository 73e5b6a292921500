package io.csdsim.isa.program;

/** A contiguous range [start, end) of one population's units, placed on one core. */
public record NeuronGroup(int id, int population, int start, int end, int core)
{
    public int size()
    {
        return end - start;
    }
}
