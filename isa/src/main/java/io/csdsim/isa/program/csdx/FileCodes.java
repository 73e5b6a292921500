package io.csdsim.isa.program.csdx;

import io.csdsim.isa.program.NeuronGroup;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.program.SynapseTable;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The byte the {@code .csdx} format stores for each constant of an enum it holds, written here, in the
 * format, beside nothing of the enum's order: reordering or inserting constants never changes what a
 * file means (docs/chip-program.md). Every constant must have a code.
 *
 * @param <E> the enum
 */
public final class FileCodes<E extends Enum<E>>
{
    public static final FileCodes<SynapseTable.Kind> TABLE_KINDS = new FileCodes<>(SynapseTable.Kind.class, Map.of(
        SynapseTable.Kind.CONV3X3, 0, SynapseTable.Kind.DENSE, 1, SynapseTable.Kind.SPARSE, 2, SynapseTable.Kind.CONV, 3));
    public static final FileCodes<ProgramPopulation.Kind> POPULATION_KINDS = new FileCodes<>(ProgramPopulation.Kind.class, Map.of(
        ProgramPopulation.Kind.INPUT, 0, ProgramPopulation.Kind.DIF, 1, ProgramPopulation.Kind.TDEC_MAXPOOL, 2,
        ProgramPopulation.Kind.ACCUMULATOR, 3, ProgramPopulation.Kind.HOST_CLASSIFIER, 4, ProgramPopulation.Kind.NEURONS, 5));
    /** Code 2 was attention's A·V before format version 4, when code 1 was Q·Kᵀ and both were described by heads. */
    public static final FileCodes<ProgramEdge.Kind> EDGE_KINDS = new FileCodes<>(ProgramEdge.Kind.class, Map.of(
        ProgramEdge.Kind.TABLE, 0, ProgramEdge.Kind.TDEC_PRODUCT, 1, ProgramEdge.Kind.POOL, 3, ProgramEdge.Kind.HOST_READOUT, 4));
    public static final FileCodes<NeuronGroup.Role> GROUP_ROLES = new FileCodes<>(NeuronGroup.Role.class, Map.of(
        NeuronGroup.Role.NEURONS, 0, NeuronGroup.Role.DENDRITE, 1, NeuronGroup.Role.RELAY, 2));

    private final Map<E, Integer> codes;

    private FileCodes(final Class<E> type, final Map<E, Integer> codes)
    {
        final EnumMap<E, Integer> m = new EnumMap<>(type);
        m.putAll(codes);
        for (final E e : type.getEnumConstants())
        {
            if (!m.containsKey(e))
            {
                throw new IllegalStateException(type.getSimpleName() + "." + e.name() + " has no .csdx code");
            }
        }
        this.codes = Collections.unmodifiableMap(m);
    }

    /** @return the constant's code (0..255). */
    public int code(final E e)
    {
        return codes.get(e);
    }

    /** @return every constant's code. */
    public Map<E, Integer> codes()
    {
        return codes;
    }

    /** @return the constant whose code is {@code code}, or null when none has it. */
    E byCode(final int code)
    {
        for (final Map.Entry<E, Integer> e : codes.entrySet())
        {
            if (e.getValue() == code)
            {
                return e.getKey();
            }
        }
        return null;
    }

    /** @return the codes as a message lists them: "0 CONV3X3, 1 DENSE, …". */
    String list()
    {
        final StringJoiner j = new StringJoiner(", ");
        codes.forEach((e, c) -> j.add(c + " " + e.name()));
        return j.toString();
    }
}
