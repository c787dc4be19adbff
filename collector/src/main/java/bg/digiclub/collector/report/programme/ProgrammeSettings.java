package bg.digiclub.collector.report.programme;

import java.util.Objects;

import bg.digiclub.common.config.ConfigProperties;

/**
 * What the municipality configures about its programme report: the age bands and youth band
 * ({@link ReportBands}) and its name as the report prints it ({@value #MUNICIPALITY_NAME_KEY}).
 *
 * @param bands            the report's age bands and youth band
 * @param municipalityName the municipality report's {@link ProgrammeReport#scopeName()}; empty when
 *                         not configured (the page then names it in its own words: all clubs)
 */
public record ProgrammeSettings(ReportBands bands, String municipalityName) {
    /** The municipality's name on its reports, e.g. {@code Община Стара Загора}. */
    public static final String MUNICIPALITY_NAME_KEY = "report.municipality-name";

    public ProgrammeSettings {
        Objects.requireNonNull(bands, "bands");
        Objects.requireNonNull(municipalityName, "municipalityName");
    }

    /** The programme's bands as far as they are known, no name. */
    public static ProgrammeSettings defaults() {
        return new ProgrammeSettings(ReportBands.defaults(), "");
    }

    /** Reads the {@code report.*} keys; a bad one is an error naming the file (or variable) and the key. */
    public static ProgrammeSettings fromConfig(ConfigProperties config) {
        Objects.requireNonNull(config, "config");
        return new ProgrammeSettings(ReportBands.fromConfig(config), config.string(MUNICIPALITY_NAME_KEY, ""));
    }
}
