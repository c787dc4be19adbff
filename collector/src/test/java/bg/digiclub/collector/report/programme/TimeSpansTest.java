package bg.digiclub.collector.report.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import bg.digiclub.collector.report.programme.TimeSpans.Span;

/** Spans merge when they overlap or touch, and count each second once. */
class TimeSpansTest {
    private final TimeSpans spans = TimeSpans.of(
            List.of(new Span(100, 200), new Span(150, 250), new Span(250, 300), new Span(400, 500), new Span(7, 7)));

    @Test
    void overlappingAndTouchingSpansMergeAndEmptyOnesGo() {
        assertEquals(List.of(new Span(100, 300), new Span(400, 500)), spans.spans());
        assertEquals(300, spans.seconds());
    }

    @Test
    void secondsInsideAWindowCountOnlyWhatLiesInIt() {
        assertEquals(0, spans.seconds(0, 100));
        assertEquals(1, spans.seconds(299, 301));
        assertEquals(0, spans.seconds(300, 400));
        assertEquals(100, spans.seconds(250, 450));
        assertEquals(300, spans.seconds(0, 1000));
    }

    @Test
    void intersectionAndAStartingPointKeepTheCommonPart() {
        TimeSpans other = TimeSpans.of(List.of(new Span(50, 120), new Span(290, 410), new Span(450, 460)));
        assertEquals(
                List.of(new Span(100, 120), new Span(290, 300), new Span(400, 410), new Span(450, 460)),
                spans.intersect(other).spans());
        assertEquals(
                List.of(new Span(280, 300), new Span(400, 500)), spans.from(280).spans());
    }
}
