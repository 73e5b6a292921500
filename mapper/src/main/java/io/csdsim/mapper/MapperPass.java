package io.csdsim.mapper;

/**
 * One named step of the mapper ({@link Mapper#PASSES}): it reads what earlier passes left in the
 * compilation, adds its own part, and writes its section of the compile report. A chip the network
 * does not fit is refused here with the limit, the layer and what would fit.
 */
interface MapperPass
{
    void run(Compilation c);

    /** A pass under its name, as the compile report's section calls it. */
    record Named(String name, MapperPass pass)
    {
    }
}
