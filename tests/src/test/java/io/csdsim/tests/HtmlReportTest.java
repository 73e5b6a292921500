package io.csdsim.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTML pages (issue 14, item 2): every number the simulate page prints equals the JSON report's
 * (the link-load map's total equals the hops), every plot is a real picture (decoded, many colours,
 * not blank) — rasters and the link-load map included —, and the sweep page's table equals the
 * sweep's rows. The page is self-contained: no URL but its own data.
 */
class HtmlReportTest
{
    @TempDir
    Path dir;

    private static final Pattern CELL = Pattern.compile("<td data-key=\"([^\"]+)\">([^<]*)</td>");
    private static final Pattern IMG = Pattern.compile("<figure id=\"([^\"]+)\"><img alt=\"[^\"]*\" src=\"data:image/png;base64,([^\"]+)\">");

    private static JsonNode at(final JsonNode root, final String path)
    {
        JsonNode n = root;
        for (final String k : path.split("\\."))
        {
            n = n.get(k);
        }
        return n;
    }

    /** Every figure decodes as a PNG with many colours: a plot, not an empty frame. */
    private static int assertPlots(final String html) throws Exception
    {
        final Matcher m = IMG.matcher(html);
        int n = 0;
        while (m.find())
        {
            final BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(2))));
            final Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < img.getHeight(); y += 3)
            {
                for (int x = 0; x < img.getWidth(); x += 3)
                {
                    colours.add(img.getRGB(x, y));
                }
            }
            assertTrue(colours.size() > 8, m.group(1) + ": " + colours.size() + " colours");
            n++;
        }
        return n;
    }

    @Test
    void theSimulatePageShowsTheReportsNumbersAndRealPlots() throws Exception
    {
        final Path html = dir.resolve("r.html");
        final Path report = dir.resolve("r.json");
        final Cli r = Cli.run("simulate", "--limit", "3", "--html", html.toString(), "--report", report.toString(), "--raster", "tok.sn1,blk0.sn_q");
        assertEquals(0, r.code(), r.err());
        final String page = Files.readString(html);
        final JsonNode j = new ObjectMapper().readTree(report.toFile());
        final int samples = j.get("samples").asInt();
        final double ns = 1000.0 / j.get("latency").get("clockMHz").asDouble();
        final Matcher m = CELL.matcher(page);
        int cells = 0;
        while (m.find())
        {
            final String key = m.group(1);
            final double shown = key.equals("cores") ? Double.parseDouble(m.group(2).split(", ")[1]) : Double.parseDouble(m.group(2));
            final double want = switch (key)
            {
                case "samples" -> samples;
                case "cores" -> j.get("coreCount").asDouble();
                case "latency.cycles" -> j.get("latency").get("cycles").asDouble() / samples * ns / 1e3;
                case "latency.ticksPerSample" -> j.get("latency").get("ticksPerSample").asDouble();
                case "latency.longestTickCycles" -> j.get("latency").get("longestTickCycles").asDouble() * ns;
                // Every hop takes one link: the link loads of the mesh map add up to the hops.
                case "links.perSample" -> (j.get("totals").get("hopsX").asDouble() + j.get("totals").get("hopsY").asDouble()) / samples;
                default -> key.startsWith("energyPJ.") ? at(j, key).asDouble() / samples / 1e6 : at(j, key).asDouble() / samples;
            };
            assertEquals(want, shown, Math.abs(want) * 1e-5 + 1e-12, key);
            cells++;
        }
        assertTrue(cells >= 20, cells + " numbers checked");
        // Six plots, the link-load map and two rasters.
        assertEquals(9, assertPlots(page));
        assertTrue(page.contains("id=\"mesh-links\"") && page.contains("id=\"raster-tok_sn1\"") && page.contains("id=\"raster-blk0_sn_q\""));
        Cli.assertBadInput(Cli.run("simulate", "--limit", "1", "--raster", "tok.sn1"), "--raster", "--html");
        Cli.assertBadInput(Cli.run("simulate", "--limit", "1", "--html", dir.resolve("x.html").toString(), "--raster", "nosuch"), "--raster",
            "'nosuch'");
        assertFalse(page.contains("http://") || page.contains("https://"), "nothing fetched to view the page");
    }

    @Test
    void theSweepPageShowsItsRowsAndAParetoPlot() throws Exception
    {
        final Path html = dir.resolve("s.html");
        final Path csv = dir.resolve("s.csv");
        final Cli r = Cli.run("sweep", "--vary", "timing.synOpCycles=1,35", "--vary", "D=2..3", "--limit", "2", "-o", csv.toString(), "--html",
            html.toString());
        assertEquals(0, r.code(), r.err());
        final String page = Files.readString(html);
        final List<String> lines = Files.readAllLines(csv);
        final List<String> header = List.of(lines.get(0).split(","));
        final Matcher m = CELL.matcher(page);
        for (final String line : lines.subList(1, lines.size()))
        {
            final String[] cells = line.split(",");
            for (final String key : new String[] {"energy_total_pj", "latency_ns", "accuracy"})
            {
                assertTrue(m.find(), "a cell for " + key);
                assertEquals(key, m.group(1));
                final double want = Double.parseDouble(cells[header.indexOf(key)]) / (key.equals("energy_total_pj") ? 1e6 : key.equals("latency_ns")
                    ? 1e3 : 1);
                assertEquals(want, Double.parseDouble(m.group(2)), Math.abs(want) * 1e-5, key);
            }
        }
        // Energy against latency, then each of the two settings against energy, latency and accuracy.
        assertEquals(1 + 2 * 3, assertPlots(page));
    }
}
