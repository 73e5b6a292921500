package io.csdsim.models.input;

import io.csdsim.models.InputLimits;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.graph.InputSpec;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.util.Iterator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads images by file type and checks them against a model's input. Images of another size or
 * channel count are refused, unless the caller asks for them to be adapted: channels converted
 * (grey replicated to RGB, RGB to grey by ITU-R 601 luma) and sizes changed by bilinear resampling.
 */
public final class InputLoader
{
    private InputLoader()
    {
    }

    /** @return the images of a file, which must have the model's input shape. */
    public static ImageSet load(final Path path, final InputSpec spec)
    {
        return load(path, spec, false);
    }

    /** @return the images of a file: of the model's input shape, or adapted to it when {@code resize} is set. */
    public static ImageSet load(final Path path, final InputSpec spec, final boolean resize)
    {
        final ImageSet in = readAny(path);
        if (!resize && (in.height() != spec.height() || in.width() != spec.width() || in.channels() != spec.channels()))
        {
            throw new InvalidInputException(in.source(), "shape", String.format(Locale.ROOT,
                "images are %d×%d×%d (height × width × channels); the model takes %d×%d×%d (give --resize to convert and resample)",
                in.height(), in.width(), in.channels(), spec.height(), spec.width(), spec.channels()));
        }
        return adapt(in, spec);
    }

    /** Reads a file as it is: .idx/.gz/-ubyte (IDX), .npy, .png/.jpg/.jpeg. */
    public static ImageSet readAny(final Path path)
    {
        final String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy"))
        {
            return NpyReader.read(path);
        }
        if (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"))
        {
            return readImage(path);
        }
        if (name.endsWith(".idx") || name.endsWith(".gz") || name.contains("-ubyte") || name.contains(".idx"))
        {
            return IdxReader.readImages(path);
        }
        throw new InvalidInputException(path.toString(), "", "unknown input type; expected .idx, .gz (IDX), .npy, .png, .jpg or .jpeg");
    }

    private static ImageSet readImage(final Path path)
    {
        final String src = path.toString();
        if (!Files.isRegularFile(path))
        {
            throw new InvalidInputException(src, "", "file not found");
        }
        try
        {
            return image(src, Files.readAllBytes(path));
        }
        catch (final IOException e)
        {
            throw new InvalidInputException(src, "", "cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Decodes one PNG or JPEG image held in memory; its size is checked from the header before any pixel is decoded. */
    public static ImageSet image(final String src, final byte[] file)
    {
        final BufferedImage img;
        try (ImageInputStream iis = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(file)))
        {
            final Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext())
            {
                throw new InvalidInputException(src, "", "unreadable image; expected PNG or JPEG");
            }
            final ImageReader reader = readers.next();
            try
            {
                reader.setInput(iis, true, true);
                final String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!format.equals("png") && !format.equals("jpeg"))
                {
                    throw new InvalidInputException(src, "", "a " + format + " image; expected PNG or JPEG");
                }
                final int w = reader.getWidth(0);
                final int h = reader.getHeight(0);
                ImageSet.checkSize(src, "header", 1, h, w, 1);
                // Pixels are decoded as ints of up to 4 bands, with the decoder's own copy beside them.
                InputLimits.requireHeap(src, String.format(Locale.ROOT, "an image of %d×%d", h, w), 32L * h * w);
                img = reader.read(0);
            }
            finally
            {
                reader.dispose();
            }
        }
        catch (final InvalidInputException e)
        {
            throw e;
        }
        catch (final IOException | RuntimeException e)
        {
            throw new InvalidInputException(src, "", "unreadable image (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                + "); expected PNG or JPEG");
        }
        if (img == null)
        {
            throw new InvalidInputException(src, "", "unreadable image; expected PNG or JPEG");
        }
        final int h = img.getHeight();
        final int w = img.getWidth();
        final boolean grey = img.getColorModel().getNumColorComponents() == 1;
        final int c = grey ? 1 : 3;
        final int[] px = new int[h * w * c];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                final int rgb = img.getRGB(x, y);
                final int base = (y * w + x) * c;
                if (grey)
                {
                    px[base] = img.getRaster().getSample(x, y, 0) * 255 / ((1 << img.getColorModel().getComponentSize(0)) - 1);
                }
                else
                {
                    px[base] = (rgb >> 16) & 0xFF;
                    px[base + 1] = (rgb >> 8) & 0xFF;
                    px[base + 2] = rgb & 0xFF;
                }
            }
        }
        return new ImageSet(h, w, c, new int[][] {px}, null, src);
    }

    /** Converts channels and resizes every image to the spec. */
    public static ImageSet adapt(final ImageSet in, final InputSpec spec)
    {
        if (in.channels() != 1 && in.channels() != 3)
        {
            throw new InvalidInputException(in.source(), "shape", in.channels() + " channels; expected 1 or 3");
        }
        if (spec.channels() != 1 && spec.channels() != 3)
        {
            throw new InvalidInputException(in.source(), "shape", "the model takes " + spec.channels() + " channels; images have 1 or 3");
        }
        if (in.height() == spec.height() && in.width() == spec.width() && in.channels() == spec.channels())
        {
            return in;
        }
        final int[][] out = new int[in.count()][];
        for (int i = 0; i < out.length; i++)
        {
            out[i] = resize(convert(in.pixels()[i], in.channels(), spec.channels()), in.height(), in.width(), spec.channels(),
                spec.height(), spec.width());
        }
        return new ImageSet(spec.height(), spec.width(), spec.channels(), out, in.labels(), in.source());
    }

    private static int[] convert(final int[] px, final int from, final int to)
    {
        if (from == to)
        {
            return px;
        }
        final int n = px.length / from;
        final int[] out = new int[n * to];
        for (int i = 0; i < n; i++)
        {
            if (to == 3)
            {
                out[3 * i] = px[i];
                out[3 * i + 1] = px[i];
                out[3 * i + 2] = px[i];
            }
            else
            {
                out[i] = (int)Math.round(0.299 * px[3 * i] + 0.587 * px[3 * i + 1] + 0.114 * px[3 * i + 2]);
            }
        }
        return out;
    }

    /** Bilinear resampling with pixel centres aligned (half-pixel offsets), edges clamped. */
    static int[] resize(final int[] px, final int h, final int w, final int c, final int ho, final int wo)
    {
        if (h == ho && w == wo)
        {
            return px;
        }
        final int[] out = new int[ho * wo * c];
        for (int y = 0; y < ho; y++)
        {
            final double fy = Math.max(0, Math.min(h - 1, (y + 0.5) * h / ho - 0.5));
            final int y0 = (int)fy;
            final int y1 = Math.min(h - 1, y0 + 1);
            final double ty = fy - y0;
            for (int x = 0; x < wo; x++)
            {
                final double fx = Math.max(0, Math.min(w - 1, (x + 0.5) * w / wo - 0.5));
                final int x0 = (int)fx;
                final int x1 = Math.min(w - 1, x0 + 1);
                final double tx = fx - x0;
                for (int ch = 0; ch < c; ch++)
                {
                    final double v = (1 - ty) * ((1 - tx) * px[(y0 * w + x0) * c + ch] + tx * px[(y0 * w + x1) * c + ch])
                        + ty * ((1 - tx) * px[(y1 * w + x0) * c + ch] + tx * px[(y1 * w + x1) * c + ch]);
                    out[(y * wo + x) * c + ch] = (int)Math.round(v);
                }
            }
        }
        return out;
    }
}
