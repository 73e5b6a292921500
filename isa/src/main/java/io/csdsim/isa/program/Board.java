package io.csdsim.isa.program;

import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;

/**
 * Where cores are: chips on a board in a near-square grid (⌈√chips⌉ columns, row-major), each chip a
 * tilesX × tilesY mesh of tiles, each tile a router shared by its cores. Cores are numbered chip by
 * chip, tile by tile (x fastest), slot by slot. Mesh coordinates are global, so dimension-order
 * routing crosses a chip-to-chip link wherever it passes a chip boundary.
 */
public final class Board
{
    private final int tilesX;
    private final int tilesY;
    private final int coresPerTile;
    private final int coresPerChip;
    private final int chipsX;
    private final int chips;

    public Board(final ChipSpec spec, final int chips)
    {
        this.tilesX = spec.getInt(ChipField.MESH_TILES_X);
        this.tilesY = spec.getInt(ChipField.MESH_TILES_Y);
        this.coresPerTile = spec.getInt(ChipField.MESH_CORES_PER_TILE);
        this.coresPerChip = spec.coresPerChip();
        this.chips = chips;
        this.chipsX = (int)Math.ceil(Math.sqrt(chips));
    }

    public int chips()
    {
        return chips;
    }

    public int chipsX()
    {
        return chipsX;
    }

    public int chipsY()
    {
        return (chips + chipsX - 1) / chipsX;
    }

    /** @return mesh width in tiles. */
    public int width()
    {
        return chipsX * tilesX;
    }

    public int height()
    {
        return chipsY() * tilesY;
    }

    public int tilesX()
    {
        return tilesX;
    }

    public int tilesY()
    {
        return tilesY;
    }

    public int chipOf(final int core)
    {
        return core / coresPerChip;
    }

    public int x(final int core)
    {
        final int tile = core % coresPerChip / coresPerTile;
        return chipOf(core) % chipsX * tilesX + tile % tilesX;
    }

    public int y(final int core)
    {
        final int tile = core % coresPerChip / coresPerTile;
        return chipOf(core) / chipsX * tilesY + tile / tilesX;
    }

    /** @return the core at a chip, tile (x, y within the chip) and slot. */
    public int core(final int chip, final int tileX, final int tileY, final int slot)
    {
        return chip * coresPerChip + (tileY * tilesX + tileX) * coresPerTile + slot;
    }

    public int hops(final int a, final int b)
    {
        return Math.abs(x(a) - x(b)) + Math.abs(y(a) - y(b));
    }

    /** @return chip-to-chip links a packet from a to b crosses (x then y). */
    public int crossings(final int a, final int b)
    {
        final int ca = chipOf(a);
        final int cb = chipOf(b);
        return Math.abs(ca % chipsX - cb % chipsX) + Math.abs(ca / chipsX - cb / chipsX);
    }
}
