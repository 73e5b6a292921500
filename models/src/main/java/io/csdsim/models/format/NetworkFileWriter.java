package io.csdsim.models.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;
import io.csdsim.models.quant.ProductIndex;
import io.csdsim.models.quant.Projection;

import java.nio.charset.StandardCharsets;

/**
 * Writes an integer network as a network file (docs/network-file.md), which {@link NetworkFileReader}
 * reads back into the same network. Networks of the generic kinds only: CSDformer's DIF populations
 * and readout are written as model files, from which the quantizer derives them.
 */
public final class NetworkFileWriter
{
    private NetworkFileWriter()
    {
    }

    /** @return the file's bytes (UTF-8 JSON). */
    public static byte[] write(final IntNetwork net)
    {
        final ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        final ObjectNode root = om.createObjectNode();
        root.put("format", NetworkFileReader.FORMAT);
        root.put("formatVersion", NetworkFileReader.FORMAT_VERSION);
        root.put("name", net.name);
        root.put("T", net.timeWindow);
        root.put("weightBits", net.weightBits);
        root.put("membraneBits", net.membraneBits);
        if (net.input != null)
        {
            final ObjectNode in = root.putObject("input");
            ints(in.putArray("shape"), new int[] {net.input.height(), net.input.width(), net.input.channels()});
            final ArrayNode mean = in.putArray("mean");
            final ArrayNode std = in.putArray("std");
            for (int c = 0; c < net.input.channels(); c++)
            {
                mean.add(net.input.mean()[c]);
                std.add(net.input.std()[c]);
            }
        }
        final ArrayNode pops = root.putArray("populations");
        for (int id = 0; id < net.populationCount(); id++)
        {
            population(pops.addObject(), net, net.population(id));
        }
        final ArrayNode projs = root.putArray("projections");
        for (int k = 0; k < net.projectionCount(); k++)
        {
            projection(projs.addObject(), net, net.projection(k));
        }
        try
        {
            return (om.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        }
        catch (final com.fasterxml.jackson.core.JsonProcessingException e)
        {
            throw new IllegalStateException(e);
        }
    }

    private static void population(final ObjectNode o, final IntNetwork net, final IntPopulation p)
    {
        o.put("name", p.name);
        switch (p.kind)
        {
            case INPUT -> o.put("kind", "input");
            case NEURONS -> o.put("kind", "neurons");
            case MAX_POOL -> o.put("kind", "max-pool");
            default -> throw new IllegalArgumentException("population '" + p.name + "' is " + p.kind
                + ": a network file holds input, neurons and max-pool populations (CSDformer networks are model files)");
        }
        ints(o.putArray("shape"), p.shape);
        if (p.kind == IntPopulation.Kind.NEURONS)
        {
            final ObjectNode n = o.putObject("neuron");
            n.put("model", p.neuronModel);
            p.neuronParameters.forEach(n::put);
            final ArrayNode inputs = o.putArray("inputs");
            for (int k = 0; k < p.inputs.length; k++)
            {
                inputs.addObject().put("projection", net.projection(p.inputs[k]).name).put("shift", p.inputShifts[k]);
            }
        }
        if (p.kind == IntPopulation.Kind.MAX_POOL)
        {
            o.put("source", net.population(p.source).name);
            o.putObject("window").put("kernel", p.poolKernel).put("stride", p.poolStride).put("pad", p.poolPad);
        }
    }

    private static void projection(final ObjectNode o, final IntNetwork net, final Projection p)
    {
        o.put("name", p.name);
        switch (p.kind)
        {
            case LINEAR -> o.put("kind", "linear").put("source", net.population(p.sourceA).name).put("tokens", p.tokens())
                .put("in", p.inFeatures).put("out", p.outFeatures);
            case CONV, CONV3X3 -> {
                final boolean fixed = p.kind == Projection.Kind.CONV3X3;
                o.put("kind", "conv").put("source", net.population(p.sourceA).name).put("height", p.height).put("width", p.width)
                    .put("in", p.inFeatures).put("out", p.outFeatures).put("kernel", fixed ? 3 : p.kernel).put("stride", fixed ? 1 : p.stride)
                    .put("pad", fixed ? 1 : p.pad).put("groups", fixed ? 1 : p.groups);
                if (p.delay != 0)
                {
                    o.put("delay", p.delay);
                }
            }
            case SPARSE -> {
                o.put("kind", "sparse").put("source", net.population(p.sourceA).name).put("in", p.inFeatures).put("out", p.outFeatures)
                    .put("delay", p.delay);
                ints(o.putArray("rowStart"), p.rowStart);
                ints(o.putArray("targets"), p.targets);
            }
            case PRODUCT -> {
                final ProductIndex m = p.product;
                o.put("kind", "product").put("a", net.population(p.sourceA).name).put("b", net.population(p.sourceB).name);
                final ObjectNode map = o.putObject("map").put("a", m.a()).put("b", m.b()).put("out", m.out());
                final ObjectNode ext = map.putObject("extents");
                for (int i = 0; i < m.axes().length(); i++)
                {
                    ext.put(String.valueOf(m.axes().charAt(i)), m.extents()[i]);
                }
            }
            default -> throw new IllegalArgumentException("projection '" + p.name + "' is " + p.kind
                + ": a network file holds linear, conv, sparse and product projections (CSDformer networks are model files)");
        }
        if (p.mantissa != null)
        {
            final ArrayNode w = o.putArray("weights");
            for (final short m : p.mantissa)
            {
                w.add(m);
            }
        }
    }

    private static void ints(final ArrayNode a, final int[] values)
    {
        for (final int v : values)
        {
            a.add(v);
        }
    }
}
