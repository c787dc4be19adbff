package bg.digiclub.common.link;

import java.util.Objects;

/** What a visitor chose to declare; {@link #NOT_DECLARED} when nothing. */
public record Demographics(AgeBand ageBand, Sex sex) {
    public static final Demographics NOT_DECLARED = new Demographics(AgeBand.NOT_DECLARED, Sex.NOT_DECLARED);

    public Demographics {
        Objects.requireNonNull(ageBand, "ageBand");
        Objects.requireNonNull(sex, "sex");
    }
}
