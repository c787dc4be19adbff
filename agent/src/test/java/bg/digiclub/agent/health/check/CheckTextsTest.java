package bg.digiclub.agent.health.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import bg.digiclub.agent.health.Metric;
import bg.digiclub.common.health.CheckReport;

class CheckTextsTest {

    @Test
    void everyCheckAnEvaluatorReportsHasADescriptionAndAdvice() {
        HealthEvaluator evaluator = new HealthEvaluator(HealthThresholds.defaults());
        Evaluation e = evaluator.evaluate(Samples.atMinute(0)
                .with(Metric.fsFreePct("/"), 50)
                .with(Metric.diskSmartOk("sda"), 1)
                .with(Metric.fanRpm(0), 1000)
                .build());
        List<String> names = new ArrayList<>(
                e.report().checks().stream().map(CheckReport::name).toList());
        names.add(CheckNames.OVERALL);
        for (String name : names) {
            assertFalse(CheckTexts.description(name).isBlank(), name);
            assertFalse(CheckTexts.advice(name).isBlank(), name);
        }
    }

    @Test
    void dynamicNamesCarryTheirSubject() {
        assertEquals("Free space on disk /home", CheckTexts.description(CheckNames.disk("/home")));
        assertEquals("Self-test (SMART) of disk sda", CheckTexts.description(CheckNames.smart("sda")));
        assertEquals("Cooling fan 1", CheckTexts.description(CheckNames.fan(1)));
        assertEquals("restart recommended", CheckTexts.advice(CheckNames.UPTIME));
    }

    @Test
    void unknownNameIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CheckTexts.description("gpu"));
        assertEquals("not a health check name: 'gpu'", e.getMessage());
    }
}
