package bg.digiclub.common;

import java.util.Objects;

/**
 * A program's version as its {@code --version} prints it: the name and the version the build wrote
 * into the jar's manifest ({@code Implementation-Version}).
 */
public final class ProgramVersion {
    private ProgramVersion() {}

    /**
     * E.g. {@code DigiClub agent 0.1.0}; run from classes outside a jar (an IDE, a test) there is no
     * manifest, and it says so rather than inventing a number.
     *
     * @param program  the program's name, e.g. {@code DigiClub agent}
     * @param anyClass a class of the program's jar
     */
    public static String of(String program, Class<?> anyClass) {
        Objects.requireNonNull(program, "program");
        String version =
                anyClass.getPackage() == null ? null : anyClass.getPackage().getImplementationVersion();
        return program + " " + (version == null ? "(built from source, no version recorded)" : version);
    }
}
