import io.csdsim.isa.program.CsdxFormat;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.csdformer.RandomNetworks;
import io.csdsim.models.input.ImageSet;
import io.csdsim.models.input.NpyWriter;
import io.csdsim.models.safetensors.SafetensorsWriter;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the seed inputs of the fuzz targets (bench/fuzz/make-seeds): one small valid file of each
 * format, so that the fuzzer starts from inputs that pass the first checks. Run from the repository
 * root with the csdsim jar on the class path.
 */
public final class MakeSeeds
{
    public static void main(final String[] args) throws Exception
    {
        final Path out = Path.of(args[0]);
        // The model target reads the synthetic 2-64 weights, so its seed is that model's graph, compact.
        final var om = new com.fasterxml.jackson.databind.ObjectMapper();
        write(out, "modelJson", om.writeValueAsBytes(om.readTree(Path.of("data/models/synthetic-2-64.json").toFile())));
        final SafetensorsWriter st = new SafetensorsWriter().metadata("format", "seed");
        st.addF32("w", new int[] {2, 3}, new float[] {1, -2, 0.5f, 0, 3, 4});
        st.addF32("b", new int[] {3}, new float[] {0, 1, 2});
        final ByteArrayOutputStream sb = new ByteArrayOutputStream();
        st.writeTo(sb);
        write(out, "safetensors", sb.toByteArray());
        write(out, "chipSpecJson", om.writeValueAsBytes(ChipSpecs.toJson(ChipSpecs.preset("loihi"))));
        write(out, "chipSpecJson", "{\"base\":\"loihi2\",\"core\":{\"tdecUnits\":1024},\"mesh\":{\"tilesX\":2}}".getBytes());
        write(out, "chipSetOverrides", "core.tdecUnits=8192mesh.tilesX=2timing.network=mesh".getBytes());
        // The smallest program the mapper makes: a random one-block CSDformer on a few-core chip.
        final var net = RandomNetworks.draw(new SplittableRandom(7), 2, 1);
        final var spec = ChipSpecs.override(ChipSpecs.preset("loihi"), "core.tdecUnits=4096");
        write(out, "csdxProgram", CsdxFormat.write(Mapper.compile(net, spec, MapperOptions.DEFAULT).program()));
        write(out, "csdxProgram", CsdxFormat.write(Mapper.compile(genericNetwork(), ChipSpecs.override(ChipSpecs.override(ChipSpecs.preset("loihi"),
            "core.maxNeurons=16"), "core.tdecUnits=64"), MapperOptions.DEFAULT).program()));
        write(out, "networkJson", io.csdsim.models.format.NetworkFileWriter.write(genericNetwork()));
        final ByteArrayOutputStream npy = new ByteArrayOutputStream();
        NpyWriter.write(new ImageSet(4, 4, 3, new int[][] {new int[48], new int[48]}, null, "seed"), npy);
        write(out, "npyImages", npy.toByteArray());
        final ByteBuffer idx = ByteBuffer.allocate(16 + 2 * 4 * 4).putInt(0x00000803).putInt(2).putInt(4).putInt(4);
        write(out, "idxImagesAndLabels", idx.array());
        final ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz))
        {
            z.write(idx.array());
        }
        write(out, "idxImagesAndLabels", gz.toByteArray());
        write(out, "idxImagesAndLabels", ByteBuffer.allocate(8 + 3).putInt(0x00000801).putInt(3).put(new byte[] {1, 2, 9}).array());
        for (final String format : new String[] {"png", "jpeg"})
        {
            final BufferedImage img = new BufferedImage(5, 3, format.equals("png") ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
            img.setRGB(1, 1, 0x804020);
            final ByteArrayOutputStream b = new ByteArrayOutputStream();
            ImageIO.write(img, format, b);
            write(out, "pngAndJpegImages", b.toByteArray());
        }
    }

    /**
     * A network of every generic part the program format carries: a general convolution into CUBA-LIF
     * neurons (section NEUR), sparse synapses with two delays into IF neurons (SPARSE tables), and a
     * matrix product of the two (section PROD) into IF neurons.
     */
    private static io.csdsim.models.quant.IntNetwork genericNetwork()
    {
        final var in = new io.csdsim.models.quant.IntPopulation(0, "input", io.csdsim.models.quant.IntPopulation.Kind.INPUT, new int[] {4, 4, 2});
        final var a = new io.csdsim.models.quant.IntPopulation(1, "lif", io.csdsim.models.quant.IntPopulation.Kind.NEURONS, new int[] {2, 2, 4});
        a.neuronModel = "cuba-lif";
        a.neuronParameters.putAll(java.util.Map.of("du", "1024", "dv", "512", "theta", "20", "refractory", "1"));
        final var b = new io.csdsim.models.quant.IntPopulation(2, "if", io.csdsim.models.quant.IntPopulation.Kind.NEURONS, new int[] {1, 8});
        b.neuronModel = "if";
        b.neuronParameters.putAll(java.util.Map.of("theta", "8", "reset", "hard", "compare", "gt"));
        final short[] w = new short[3 * 3 * 1 * 4];
        for (int k = 0; k < w.length; k++)
        {
            w[k] = (short)(k % 5 - 1);
        }
        final var projections = new java.util.ArrayList<io.csdsim.models.quant.Projection>();
        projections.add(io.csdsim.models.quant.Projection.conv(0, "conv", 0, 4, 4, 2, 4, 3, 2, 1, 2, w, 0));
        final var sparse = new io.csdsim.models.quant.SparseSynapses(16, 8);
        for (int s = 0; s < 16; s++)
        {
            sparse.add(s, s % 8, 3 + s % 4, 1 + s % 2);
        }
        projections.addAll(sparse.projections(1, "sparse", 1));
        final var c = new io.csdsim.models.quant.IntPopulation(3, "product", io.csdsim.models.quant.IntPopulation.Kind.NEURONS, new int[] {1, 8});
        c.neuronModel = "if";
        c.neuronParameters.putAll(java.util.Map.of("theta", "4"));
        projections.add(io.csdsim.models.quant.Projection.product(projections.size(), "lif.if", 1, 2,
            new io.csdsim.models.quant.ProductIndex("ij", "jk", "ik", "ijk", new int[] {4, 4, 2}), 1.0));
        c.inputs = new int[] {projections.size() - 1};
        c.inputShifts = new int[] {0};
        a.inputs = new int[] {0};
        a.inputShifts = new int[] {0};
        b.inputs = new int[] {1, 2};
        b.inputShifts = new int[] {0, 1};
        return new io.csdsim.models.quant.IntNetwork("generic", 8, 1, 8, 24, new io.csdsim.models.graph.InputSpec(8, 4, 1, new double[1],
            new double[] {1}), java.util.List.of(in, a, b, c), projections);
    }

    private static void write(final Path out, final String target, final byte[] bytes) throws Exception
    {
        final Path dir = Files.createDirectories(out.resolve(target));
        final String hash = String.format("%08x", java.util.Arrays.hashCode(bytes));
        Files.write(dir.resolve("seed-" + hash), bytes);
    }
}
