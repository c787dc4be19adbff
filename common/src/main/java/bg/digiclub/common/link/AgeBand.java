package bg.digiclub.common.link;

/** The programme's age bands, declared voluntarily by the visitor. */
public enum AgeBand {
    AGE_16_17, AGE_18_24, AGE_25_29, AGE_30_54, AGE_55_64, AGE_65_74, AGE_75_PLUS, NOT_DECLARED
}
