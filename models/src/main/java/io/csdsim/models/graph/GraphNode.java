package io.csdsim.models.graph;

import java.util.Arrays;

/**
 * One node of the float model. Which fields matter depends on {@link #op}: weights for synaptic ops,
 * heads and scale for the attention products, threshold and initial potential for neurons.
 */
public final class GraphNode
{
    public final String name;
    public final OpKind op;
    public final String[] inputs;
    /** [H, W, C] for maps, [N, D] for token matrices, [heads, N, N] for attention, [classes] for the readout. */
    public final int[] shape;

    /** Tensor names in the weights file; null when absent. Weights are BN-folded, PyTorch layout. */
    public String weight;
    public String bias;
    /** Whether the architecture has a bias and a BatchNorm here (for parameter counts only). */
    public boolean archBias;
    public boolean archBatchNorm;

    public int heads;
    public double scale = 1.0;

    /** Firing threshold in ANN units (the LSQ clip value); NaN until calibrated. */
    public double threshold = Double.NaN;
    /** Initial membrane potential in ANN units; NaN means the default, half the threshold. */
    public double v0 = Double.NaN;

    public GraphNode(final String name, final OpKind op, final String[] inputs, final int[] shape)
    {
        this.name = name;
        this.op = op;
        this.inputs = inputs;
        this.shape = shape;
    }

    /** @return the number of elements of the node's output. */
    public int size()
    {
        int n = 1;
        for (final int d : shape)
        {
            n *= d;
        }
        return n;
    }

    @Override
    public String toString()
    {
        return name + "(" + op.jsonName() + Arrays.toString(shape) + ")";
    }
}
