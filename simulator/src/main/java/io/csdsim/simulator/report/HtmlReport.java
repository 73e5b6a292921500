package io.csdsim.simulator.report;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.spec.ChipField;
import io.csdsim.simulator.energy.EnergyCategory;
import io.csdsim.simulator.energy.EnergyEvents;
import io.csdsim.simulator.energy.EnergyModel;
import io.csdsim.simulator.engine.SampleResult;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page of a simulation (issue 14; docs/report-format.md): the summary
 * table and XChart plots embedded as PNG data — energy per tick stacked by category, latency per
 * tick, energy and SOPs per population, and the mesh coloured by each router's energy and busy
 * cycles. Every number it prints is read from the JSON report (the same object, so they are equal);
 * nothing is fetched over the network to view it.
 */
public final class HtmlReport
{
    private static final int WIDTH = 960;
    private static final int HEIGHT = 380;

    private HtmlReport()
    {
    }

    /** @return the page of a run: its report, program and samples. */
    /**
     * @param raster the populations whose spikes {@code first} (sample 0, its trains kept) shows; may be empty
     */
    public static String simulation(final SimulationReport report, final ChipProgram program, final List<SampleResult> samples,
        final List<String> raster, final SampleResult first) throws IOException
    {
        System.setProperty("java.awt.headless", "true");
        // Read from the typed report: the page shows the same figures as the JSON report, without writing and parsing it.
        final String title = program.name + " on " + program.spec.name();
        final StringBuilder sb = page(title);
        sb.append("<h1>").append(esc(program.name)).append(" on ").append(esc(program.spec.name())).append("</h1>\n");
        sb.append("<table class=\"summary\" id=\"summary\">\n");
        final int n = report.samples();
        row(sb, "samples", Integer.toString(n), "samples");
        row(sb, "chips, cores", program.chips + ", " + program.groups().size(), "cores");
        for (final io.csdsim.simulator.event.CountedEvent e : report.events().shownIn(io.csdsim.simulator.event.CountedEvent.Output.PAGE))
        {
            row(sb, e.key + " per sample", fmt(report.total(e) / (double)n), "totals." + e.key);
        }
        for (final EnergyCategory c : EnergyCategory.values())
        {
            row(sb, "energy, " + c.label + " (µJ per sample)", fmt(report.energyPj(c) / n / 1e6), "energyPJ." + c.jsonKey);
        }
        row(sb, "energy, dynamic (µJ per sample)", fmt(report.dynamicEnergyPj() / n / 1e6), "energyPJ.dynamic");
        row(sb, "energy, total (µJ per sample)", fmt(report.totalEnergyPj() / n / 1e6), "energyPJ.total");
        final double ns = report.clockNs();
        row(sb, "latency (µs per sample)", fmt((double)report.cycles() / n * ns / 1e3), "latency.cycles");
        row(sb, "ticks per sample", Integer.toString(report.ticksPerSample()), "latency.ticksPerSample");
        row(sb, "longest tick (ns)", fmt((double)report.longestTickCycles() * ns), "latency.longestTickCycles");
        final long[] links = report.routerLinkLoads();
        if (links != null)
        {
            long sum = 0;
            for (final long l : links)
            {
                sum += l;
            }
            // Every hop takes one link: the loads add up to the hops.
            row(sb, "link traversals per sample", fmt(sum / (double)n), "links.perSample");
        }
        sb.append("</table>\n");

        // Energy per tick by category, averaged over samples; latency per tick of each sample and their mean.
        final EnergyModel model = EnergyModel.of(program.spec);
        final int ticks = samples.isEmpty() ? 0 : samples.get(0).ticks.ticks();
        final CategoryChart stacked = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("Energy per tick, by category (mean over samples)")
            .xAxisTitle("tick (count)").yAxisTitle("energy (nJ)").build();
        stacked.getStyler().setStacked(true);
        stacked.getStyler().setOverlapped(false);
        stacked.getStyler().setXAxisLabelRotation(90);
        final List<Integer> tickAxis = new ArrayList<>();
        for (int t = 0; t < ticks; t++)
        {
            tickAxis.add(t);
        }
        // Each tick's events read once per sample, priced in every category.
        final EnergyCategory[] categories = EnergyCategory.values();
        final double[][] perTick = new double[categories.length][ticks];
        for (final SampleResult s : samples)
        {
            for (int t = 0; t < ticks; t++)
            {
                final EnergyEvents e = s.ticks.events(t);
                for (int c = 0; c < categories.length; c++)
                {
                    perTick[c][t] += model.energyPj(categories[c], e);
                }
            }
        }
        for (int c = 0; c < categories.length; c++)
        {
            final List<Double> y = new ArrayList<>();
            double any = 0;
            for (int t = 0; t < ticks; t++)
            {
                y.add(perTick[c][t] / samples.size() / 1e3);
                any += perTick[c][t];
            }
            if (any > 0)
            {
                stacked.addSeries(categories[c].label, tickAxis, y);
            }
        }
        figure(sb, "energy-per-tick", stacked);
        final XYChart latency = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Latency per tick").xAxisTitle("tick (count)")
            .yAxisTitle("latency (ns)").build();
        final double[] x = new double[ticks];
        final double[] mean = new double[ticks];
        for (int t = 0; t < ticks; t++)
        {
            x[t] = t;
        }
        for (int s = 0; s < samples.size(); s++)
        {
            final double[] y = new double[ticks];
            for (int t = 0; t < ticks; t++)
            {
                y[t] = samples.get(s).ticks.get(t, io.csdsim.simulator.event.CountedEvents.CYCLES) * ns;
                mean[t] += y[t] / samples.size();
            }
            if (s < 8)
            {
                latency.addSeries("sample " + s, x, y).setMarker(SeriesMarkers.NONE);
            }
        }
        if (ticks > 0)
        {
            final XYSeries m = latency.addSeries("mean", x, mean);
            m.setMarker(SeriesMarkers.NONE);
            m.setLineWidth(3);
        }
        figure(sb, "latency-per-tick", latency);

        // Per population: energy and SOPs.
        final List<String> names = new ArrayList<>();
        final List<Double> popEnergy = new ArrayList<>();
        final List<Double> popSops = new ArrayList<>();
        final EnergyEvents[] byPopulation = report.populationEvents();
        for (final io.csdsim.isa.program.ProgramPopulation p : program.populations())
        {
            final EnergyEvents e = byPopulation[p.id()];
            if (e.cores == 0 && e.count(io.csdsim.simulator.event.CountedEvents.INPUT_MACS) == 0)
            {
                continue;
            }
            names.add(p.name());
            popEnergy.add(model.totalPj(e) / n / 1e6);
            final boolean counted = p.kind().isNeurons() || p.kind() == io.csdsim.isa.program.ProgramPopulation.Kind.TDEC_MAXPOOL;
            popSops.add((counted ? (double)report.populationSops()[p.id()] : 0.0) / n);
        }
        figure(sb, "energy-per-population", populationBars("Energy per population (per sample)", "energy (µJ)", "energy", names, popEnergy));
        figure(sb, "sops-per-population", populationBars("Synaptic operations per population (per sample)", "SOPs (operations)", "SOPs", names,
            popSops));

        // The mesh, core by core: a router's cores side by side along x (groups sharing a core summed).
        final int w = program.board().width();
        final int h = program.board().height();
        final int cpt = program.spec.getInt(ChipField.MESH_CORES_PER_TILE);
        final double[][] coreEnergy = new double[w * cpt][h];
        final double[][] coreBusy = new double[w * cpt][h];
        final long[] busy = report.perGroup().of(io.csdsim.simulator.event.CountedEvents.BUSY_CYCLES);
        for (final io.csdsim.isa.program.NeuronGroup g : program.groups())
        {
            final int cx = program.meshX(g.core()) * cpt + g.core() % cpt;
            final int cy = program.meshY(g.core());
            coreEnergy[cx][cy] += model.totalPj(report.groupEvents(g)) / n / 1e6;
            coreBusy[cx][cy] += busy[g.id()] / (double)n;
        }
        figure(sb, "mesh-energy", heatMap("Mesh: energy per core (µJ per sample; a router's " + cpt + " cores side by side)", coreEnergy,
            "x (core: router × " + cpt + " + slot)"));
        figure(sb, "mesh-busy", heatMap("Mesh: busy cycles per core (cycles per sample, summed over ticks)", coreBusy,
            "x (core: router × " + cpt + " + slot)"));
        if (links != null)
        {
            final double[][] load = new double[w][h];
            for (int rx = 0; rx < w; rx++)
            {
                for (int ry = 0; ry < h; ry++)
                {
                    load[rx][ry] = links[rx * h + ry] / (double)n;
                }
            }
            figure(sb, "mesh-links", heatMap("Link load: packets over the links leaving each router (packets per sample)", load, "x (router)"));
        }
        for (final String name : raster)
        {
            final int pop = program.populations().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().id();
            final List<Double> tx = new ArrayList<>();
            final List<Double> uy = new ArrayList<>();
            for (int t = 0; t < ticks && tx.size() < 200_000; t++)
            {
                final org.eclipse.collections.api.list.primitive.IntList fired = first.spikes(pop, t);
                for (int k = 0; k < fired.size(); k++)
                {
                    tx.add((double)t);
                    uy.add((double)fired.get(k));
                }
            }
            final XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Spikes of " + name + " (sample 0)").xAxisTitle("tick (count)")
                .yAxisTitle("unit (index)").build();
            c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            c.getStyler().setMarkerSize(2);
            c.getStyler().setLegendVisible(false);
            if (!tx.isEmpty())
            {
                c.addSeries(name, tx, uy);
            }
            figure(sb, "raster-" + name.replaceAll("[^A-Za-z0-9_-]", "_"), c);
        }
        sb.append("<p class=\"note\">Numbers above are those of the JSON report (docs/report-format.md); plots by XChart.</p>\n");
        return sb.append("</body>\n</html>\n").toString();
    }

    /** @return one bar per population. */
    private static CategoryChart populationBars(final String title, final String yTitle, final String series, final List<String> names,
        final List<Double> values)
    {
        final CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("population").yAxisTitle(yTitle)
            .build();
        c.getStyler().setXAxisLabelRotation(60);
        c.getStyler().setLegendVisible(false);
        if (!names.isEmpty())
        {
            c.addSeries(series, names, values);
        }
        return c;
    }

    private static HeatMapChart heatMap(final String title, final double[][] v, final String xTitle)
    {
        final int w = v.length;
        final int h = w == 0 ? 0 : v[0].length;
        final HeatMapChart c = new HeatMapChartBuilder().width(WIDTH).height(Math.max(HEIGHT, 60 + 12 * h)).title(title).xAxisTitle(xTitle)
            .yAxisTitle("y (router)").build();
        final List<Integer> xs = new ArrayList<>();
        final List<Integer> ys = new ArrayList<>();
        for (int i = 0; i < w; i++)
        {
            xs.add(i);
        }
        for (int i = 0; i < h; i++)
        {
            ys.add(i);
        }
        final List<Number[]> cells = new ArrayList<>();
        for (int x = 0; x < w; x++)
        {
            for (int y = 0; y < h; y++)
            {
                cells.add(new Number[] {x, y, v[x][y]});
            }
        }
        c.getStyler().setShowValue(false);
        c.getStyler().setXAxisTicksVisible(w <= 32);
        c.getStyler().setYAxisTicksVisible(h <= 64);
        if (w > 0 && h > 0)
        {
            c.addSeries("cores", xs, ys, cells);
        }
        return c;
    }

    /** @return the page of a sweep: energy against latency with the Pareto front marked, each varied setting against energy, latency and accuracy. */
    public static String sweep(final List<String> keys, final List<Map<String, String>> settings, final List<Map<String, Double>> figures,
        final List<String> reasons, final boolean[] front) throws IOException
    {
        System.setProperty("java.awt.headless", "true");
        final StringBuilder sb = page("csdsim sweep");
        sb.append("<h1>Sweep: ").append(settings.size()).append(" points</h1>\n");
        final XYChart pareto = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Energy against latency (per sample)")
            .xAxisTitle("latency (µs)").yAxisTitle("energy, total (µJ)").build();
        pareto.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        final List<Double> lx = new ArrayList<>();
        final List<Double> ly = new ArrayList<>();
        final List<Double> fx = new ArrayList<>();
        final List<Double> fy = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++)
        {
            final Map<String, Double> f = figures.get(i);
            if (f.isEmpty())
            {
                continue;
            }
            (front[i] ? fx : lx).add(f.get("latency_ns") / 1e3);
            (front[i] ? fy : ly).add(f.get("energy_total_pj") / 1e6);
        }
        if (!lx.isEmpty())
        {
            pareto.addSeries("points", lx, ly);
        }
        if (!fx.isEmpty())
        {
            pareto.addSeries("Pareto front", fx, fy).setMarker(SeriesMarkers.DIAMOND);
        }
        figure(sb, "pareto", pareto);
        for (final String key : keys)
        {
            for (final String[] measure : new String[][] {{"energy_total_pj", "energy, total (µJ)", "1e-6"}, {"latency_ns", "latency (µs)", "1e-3"},
                {"accuracy", "accuracy (fraction correct)", "1"}})
            {
                final Map<String, List<Double>> byValue = new LinkedHashMap<>();
                for (int i = 0; i < figures.size(); i++)
                {
                    final Double v = figures.get(i).get(measure[0]);
                    if (v != null)
                    {
                        byValue.computeIfAbsent(settings.get(i).get(key), k -> new ArrayList<>()).add(v * Double.parseDouble(measure[2]));
                    }
                }
                if (byValue.isEmpty())
                {
                    continue;
                }
                final CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(key + " against " + measure[1]
                    + " (mean over the other settings)").xAxisTitle(key + unit(key)).yAxisTitle(measure[1]).build();
                c.getStyler().setLegendVisible(false);
                final List<String> xs = new ArrayList<>(byValue.keySet());
                final List<Double> ys = new ArrayList<>();
                for (final List<Double> l : byValue.values())
                {
                    ys.add(l.stream().mapToDouble(Double::doubleValue).average().orElse(0));
                }
                c.addSeries(measure[1], xs, ys);
                figure(sb, key.replace('.', '-') + "-" + measure[0], c);
            }
        }
        sb.append("<table class=\"summary\" id=\"points\">\n<tr>");
        for (final String k : keys)
        {
            sb.append("<th>").append(esc(k)).append("</th>");
        }
        sb.append("<th>energy, total (µJ)</th><th>latency (µs)</th><th>accuracy</th><th>Pareto</th><th>reason</th></tr>\n");
        for (int i = 0; i < settings.size(); i++)
        {
            sb.append("<tr>");
            for (final String k : keys)
            {
                sb.append("<td>").append(esc(settings.get(i).get(k))).append("</td>");
            }
            final Map<String, Double> f = figures.get(i);
            sb.append("<td data-key=\"energy_total_pj\">").append(f.isEmpty() ? "" : fmt(f.get("energy_total_pj") / 1e6)).append("</td>");
            sb.append("<td data-key=\"latency_ns\">").append(f.isEmpty() ? "" : fmt(f.get("latency_ns") / 1e3)).append("</td>");
            sb.append("<td data-key=\"accuracy\">").append(f.containsKey("accuracy") ? fmt(f.get("accuracy")) : "").append("</td>");
            sb.append("<td>").append(front[i] ? "yes" : "").append("</td><td>").append(reasons.get(i) == null ? "" : esc(reasons.get(i)))
                .append("</td></tr>\n");
        }
        sb.append("</table>\n");
        return sb.append("</body>\n</html>\n").toString();
    }

    /** @return " (unit)" of a varied setting: a chip field's unit, D's ticks; nothing for a chip name or a choice. */
    private static String unit(final String key)
    {
        if (key.equals("D"))
        {
            return " (ticks)";
        }
        for (final ChipField f : ChipField.values())
        {
            if (f.key.equals(key) && !f.unit.isEmpty())
            {
                return " (" + f.unit + ")";
            }
        }
        return "";
    }

    private static StringBuilder page(final String title)
    {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title))
            .append("</title>\n<style>body{font-family:sans-serif;max-width:1000px;margin:1em auto;padding:0 1em}"
                + "table.summary{border-collapse:collapse}table.summary td,table.summary th{border:1px solid #ccc;padding:2px 8px;text-align:right}"
                + "figure{margin:1em 0}img{max-width:100%;height:auto}.note{color:#555}</style>\n</head>\n<body>\n");
    }

    private static void row(final StringBuilder sb, final String label, final String value, final String key)
    {
        sb.append("<tr><th>").append(esc(label)).append("</th><td data-key=\"").append(esc(key)).append("\">").append(esc(value)).append("</td></tr>\n");
    }

    private static void figure(final StringBuilder sb, final String id, final Chart<?, ?> chart) throws IOException
    {
        final byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        sb.append("<figure id=\"").append(id).append("\"><img alt=\"").append(esc(chart.getTitle())).append("\" src=\"data:image/png;base64,")
            .append(Base64.getEncoder().encodeToString(png)).append("\"></figure>\n");
    }

    /** Numbers as the page shows them: six significant digits, no grouping (so a test can read them back). */
    static String fmt(final double v)
    {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String esc(final String s)
    {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
