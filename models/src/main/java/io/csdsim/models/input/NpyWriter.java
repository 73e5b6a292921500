package io.csdsim.models.input;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes 8-bit images as a NumPy .npy array of uint8, shape [n, h, w, c] (format version 1.0). */
public final class NpyWriter
{
    private NpyWriter()
    {
    }

    public static void write(final ImageSet images, final OutputStream out) throws IOException
    {
        String header = "{'descr': '|u1', 'fortran_order': False, 'shape': (" + images.count() + ", " + images.height() + ", "
            + images.width() + ", " + images.channels() + "), }";
        final int unpadded = 10 + header.length() + 1;
        header = header + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        out.write(new byte[] {(byte)0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte)(header.length() & 0xFF), (byte)(header.length() >> 8)});
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        for (final int[] px : images.pixels())
        {
            final byte[] b = new byte[px.length];
            for (int i = 0; i < px.length; i++)
            {
                b[i] = (byte)px[i];
            }
            out.write(b);
        }
    }
}
