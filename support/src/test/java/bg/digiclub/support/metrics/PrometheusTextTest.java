package bg.digiclub.support.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import bg.digiclub.support.metrics.PrometheusText.Label;
import bg.digiclub.support.metrics.PrometheusText.Type;
import bg.digiclub.testsupport.Promtool;

class PrometheusTextTest {
    @Test
    void familiesHaveHelpAndTypeAndLabelValuesAreEscaped() {
        String text = new PrometheusText()
                .family("digiclub_batches_received_total", Type.COUNTER, "Batches stored, by kind.\nA \\ line")
                .sample("kind", "USAGE", 3)
                .sample("kind", "a \"quoted\" \\ value\nwith a break", 0)
                .family("digiclub_heap_bytes", Type.GAUGE, "Heap \"in use\".")
                .sample(List.of(new Label("area", "heap"), new Label("state", "used")), 1.5e9 + 0.5)
                .sample(List.of(), Double.NaN)
                .text();

        assertEquals(
                "# HELP digiclub_batches_received_total Batches stored, by kind.\\nA \\\\ line\n"
                        + "# TYPE digiclub_batches_received_total counter\n"
                        + "digiclub_batches_received_total{kind=\"USAGE\"} 3\n"
                        + "digiclub_batches_received_total{kind=\"a \\\"quoted\\\" \\\\ value\\nwith a break\"} 0\n"
                        + "# HELP digiclub_heap_bytes Heap \"in use\".\n"
                        + "# TYPE digiclub_heap_bytes gauge\n"
                        + "digiclub_heap_bytes{area=\"heap\",state=\"used\"} 1.5000000005E9\n"
                        + "digiclub_heap_bytes NaN\n",
                text);
    }

    @Test
    void prometheusOwnParserReadsEveryEscape() throws Exception {
        String text = new PrometheusText()
                .family("digiclub_escapes_total", Type.COUNTER, "Help with \\ and\na break and \"quotes\".")
                .sample("reason", "a \"quoted\" \\ value\nwith a break", 2)
                .sample("reason", "кирилица", 1)
                .family("digiclub_value", Type.GAUGE, "A gauge.")
                .sample(0.125)
                .text();

        Promtool.Verdict verdict = Promtool.checkMetrics(text);

        assertTrue(verdict.clean(), verdict + "\n" + text);
    }

    @Test
    void namesFollowTheFormatsGrammarAndCountersEndInTotal() {
        assertThrows(IllegalArgumentException.class, () -> new PrometheusText().family("9lives", Type.GAUGE, "x"));
        assertThrows(IllegalArgumentException.class, () -> new PrometheusText().family("batches", Type.COUNTER, "x"));
        assertThrows(IllegalArgumentException.class, () -> new Label("bad-name", "x"));
        assertThrows(IllegalArgumentException.class, () -> new Label("__reserved", "x"));
        PrometheusText once = new PrometheusText().family("up", Type.GAUGE, "x");
        assertThrows(IllegalArgumentException.class, () -> once.family("up", Type.GAUGE, "again"));
        assertThrows(IllegalStateException.class, () -> new PrometheusText().sample(1));
    }

    @Test
    void numbersAreWrittenAsTheFormatReadsThem() {
        assertEquals("12", PrometheusText.number(12.0));
        assertEquals("-3", PrometheusText.number(-3.0));
        assertEquals("0.25", PrometheusText.number(0.25));
        assertEquals("+Inf", PrometheusText.number(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", PrometheusText.number(Double.NEGATIVE_INFINITY));
        assertTrue(PrometheusText.number(1e20).contains("E"));
    }
}
