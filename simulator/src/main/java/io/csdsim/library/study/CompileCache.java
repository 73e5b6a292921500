package io.csdsim.library.study;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.quant.IntNetwork;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Compiles each distinct chip configuration of a study once: a configuration is the full chip spec,
 * the network's variant (its DIF delay) and the residual mapping. A configuration the network does
 * not fit keeps the reason instead of a program, so its points become rows with that reason.
 */
public final class CompileCache
{
    /** A configuration's program, or why there is none. */
    public record Compiled(ChipProgram program, String reason)
    {
    }

    private final Map<String, Compiled> compiled = new LinkedHashMap<>();

    /**
     * @param network the network of the configuration's variant, made only when it is compiled
     * @param variant what distinguishes that network ("D=2"; "" for the network as given)
     * @return the configuration's program or reason, compiled on its first request
     */
    public Compiled compile(final ChipSpec spec, final String variant, final MapperOptions options, final Supplier<IntNetwork> network)
    {
        final String key = ChipSpecs.toJson(spec) + "|D=" + variant + "|residual=" + options.residual().label;
        Compiled c = compiled.get(key);
        if (c == null)
        {
            try
            {
                c = new Compiled(Mapper.compile(network.get(), spec, options).program(), null);
            }
            catch (final ChipInputException e)
            {
                c = new Compiled(null, e.getMessage());
            }
            compiled.put(key, c);
        }
        return c;
    }

    /** @return how many distinct configurations were compiled (or failed to). */
    public int size()
    {
        return compiled.size();
    }

    /** @return the distinct programs, in the order they were first compiled. */
    public List<ChipProgram> programs()
    {
        final List<ChipProgram> out = new ArrayList<>();
        for (final Compiled c : compiled.values())
        {
            if (c.program() != null)
            {
                out.add(c.program());
            }
        }
        return out;
    }
}
