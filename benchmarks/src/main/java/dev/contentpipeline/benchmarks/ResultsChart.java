package dev.contentpipeline.benchmarks;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The run as one PNG of four panels (drawn with java.awt, headless): throughput as ratios to raw bulk, freshness
 * percentiles against the refresh interval, search percentiles of both targets, peak RSS of each process; below
 * them, every target with met or missed.
 */
final class ResultsChart {

    static final int WIDTH = 1400;
    static final int HEIGHT = 1250;
    /** The panels' part of the height; below them, the targets listed with met or missed. */
    static final int PANELS_HEIGHT = 950;
    private static final Color MET = new Color(0x2C, 0xA0, 0x2C);
    private static final Color BASELINE = new Color(0x8C, 0x8C, 0x8C);
    private static final Color PIPELINE = new Color(0x1F, 0x77, 0xB4);
    private static final Color SECOND = new Color(0xFF, 0x7F, 0x0E);
    private static final Color TARGET = new Color(0xD6, 0x27, 0x28);

    /** A bar: its label, its value, the text above it, its colour. */
    record Bar(String label, double value, String text, Color color) {
    }

    private ResultsChart() {
    }

    static Path write(Results r, List<Targets.Target> targets, Path file) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        long met = targets.stream().filter(Targets.Target::met).count();
        g.drawString(String.format(Locale.ROOT, "Pipeline vs raw Elasticsearch, %,d articles, one run on %d cores "
                + "(shared machine) - targets met: %d of %d", r.options.docs(), Runtime.getRuntime().availableProcessors(),
                met, targets.size()), 20, 30);
        int w = WIDTH / 2;
        int h = (PANELS_HEIGHT - 50) / 2;

        List<Bar> throughput = new ArrayList<>();
        if (r.raw != null) {
            double raw = r.raw.throughput().docsPerSecond();
            throughput.add(new Bar("raw bulk", 1, String.format(Locale.ROOT, "%,.0f/s", raw), BASELINE));
            if (r.endToEnd != null) {
                throughput.add(new Bar("end to end", r.endToEndRatio(), ratioText(r.endToEnd.docsPerSecond(), raw),
                        PIPELINE));
            }
            if (r.drain != null) {
                throughput.add(new Bar("backlog drain", r.drainRatio(), ratioText(r.drain.docsPerSecond(), raw),
                        PIPELINE));
            }
        }
        panel(g, 0, 50, w, h, "Throughput until searchable, as a share of raw bulk", throughput,
                List.of(Targets.END_TO_END_SHARE, Targets.DRAIN_SHARE), "");

        List<Bar> freshness = new ArrayList<>();
        for (FreshnessProbe.Step step : r.freshness) {
            freshness.add(new Bar(step.rate() + "/s p50", step.searchable().p50() / 1000,
                    String.format(Locale.ROOT, "%.2f s", step.searchable().p50() / 1000), PIPELINE));
            freshness.add(new Bar(step.rate() + "/s p99", step.searchable().p99() / 1000,
                    String.format(Locale.ROOT, "%.2f s", step.searchable().p99() / 1000), SECOND));
        }
        panel(g, w, 50, w, h, "Freshness: ack to searchable (refresh " + r.refreshInterval + "; target p99 lines)",
                freshness, r.freshness.stream().map(s -> Targets.freshnessGoal(s.rate())).distinct().toList(), "s");

        if (r.searchService != null && r.direct != null) {
            Latencies service = r.searchService.fixedRate().latencies();
            Latencies direct = r.direct.fixedRate().latencies();
            panel(g, 0, 50 + h, w, h, String.format(Locale.ROOT, "Search at %d q/s (highest sustained: service %d, "
                            + "direct %d q/s)", r.options.searchRate(), r.searchService.capacity().highestSustained(),
                    r.direct.capacity().highestSustained()), List.of(
                    new Bar("direct p50", direct.p50(), ms(direct.p50()), BASELINE),
                    new Bar("service p50", service.p50(), ms(service.p50()), PIPELINE),
                    new Bar("direct p99", direct.p99(), ms(direct.p99()), BASELINE),
                    new Bar("service p99", service.p99(), ms(service.p99()), SECOND)),
                    List.of(Math.min(direct.p99() * Targets.SEARCH_P99_FACTOR,
                            direct.p99() + Targets.SEARCH_P99_EXTRA_MILLIS)), "ms");
        } else {
            panel(g, 0, 50 + h, w, h, "Search: not measured", List.of(), List.of(), "ms");
        }

        List<Bar> memory = new ArrayList<>();
        r.processes.forEach((name, p) -> {
            if (!name.equals("benchmark")) {
                memory.add(new Bar(name.replace("-service", "").replace("elasticsearch", "ES"), p.peakRssMb(),
                        String.format(Locale.ROOT, "%.0f", p.peakRssMb()),
                        name.contains("-service") ? PIPELINE : BASELINE));
            }
        });
        panel(g, w, 50 + h, w, h, "Peak RSS, MB (target line: 300 MB per service)", memory,
                List.of(Targets.SERVICE_RSS_MB), "MB");
        targetList(g, targets, PANELS_HEIGHT);
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static void panel(Graphics2D g, int x, int y, int w, int h, String title, List<Bar> bars,
                              List<Double> lines, String unit) {
        int left = x + 60;
        int right = x + w - 30;
        int top = y + 50;
        int bottom = y + h - 60;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, x + 20, y + 25);
        double max = 0;
        for (Bar bar : bars) {
            max = Math.max(max, finite(bar.value()));
        }
        for (double line : lines) {
            max = Math.max(max, finite(line));
        }
        max = max <= 0 ? 1 : max * 1.15;
        g.setColor(Color.LIGHT_GRAY);
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.DARK_GRAY);
        g.drawString(String.format(Locale.ROOT, "%.4g %s", max, unit), x + 5, top + 5);
        g.drawString("0", x + 40, bottom);
        int slot = (right - left) / Math.max(1, bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int barHeight = (int) ((bottom - top) * finite(bar.value()) / max);
            int barX = left + i * slot + slot / 6;
            g.setColor(bar.color());
            g.fillRect(barX, bottom - barHeight, slot * 2 / 3, barHeight);
            g.setColor(Color.BLACK);
            g.drawString(bar.text(), barX, bottom - barHeight - 5);
            g.drawString(bar.label(), barX, bottom + 18);
        }
        g.setColor(TARGET);
        g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {8, 6}, 0));
        for (int i = 0; i < lines.size(); i++) {
            double line = lines.get(i);
            int lineY = bottom - (int) ((bottom - top) * finite(line) / max);
            g.drawLine(left, lineY, right, lineY);
            // Labels of lines close together go one above, one below.
            g.drawString(String.format(Locale.ROOT, "target %.3g", line), right - 80, i % 2 == 0 ? lineY - 4 : lineY + 14);
        }
        g.setStroke(new BasicStroke(1));
    }

    /** Every target in two columns: met in green, missed in red, with what was measured. */
    private static void targetList(Graphics2D g, List<Targets.Target> targets, int top) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("Targets", 20, top + 10);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int perColumn = (targets.size() + 1) / 2;
        int lineHeight = Math.min(20, (HEIGHT - top - 30) / Math.max(1, perColumn));
        for (int i = 0; i < targets.size(); i++) {
            Targets.Target t = targets.get(i);
            int x = 20 + (i / perColumn) * (WIDTH / 2);
            int y = top + 32 + (i % perColumn) * lineHeight;
            g.setColor(t.met() ? MET : TARGET);
            g.drawString(t.met() ? "met" : "MISSED", x, y);
            g.setColor(Color.BLACK);
            String text = t.name() + ": " + t.measured() + " (goal " + t.goal() + ")";
            g.drawString(text.length() > 105 ? text.substring(0, 102) + "..." : text, x + 60, y);
        }
    }

    private static String ratioText(double value, double raw) {
        return String.format(Locale.ROOT, "%.2f (%,.0f/s)", value / raw, value);
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }
}
