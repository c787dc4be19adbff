package bg.digiclub.common;

import java.util.Objects;
import java.util.Optional;

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
        return program + " " + number(anyClass).orElse("(built from source, no version recorded)");
    }

    /** The version alone, e.g. {@code 0.1.0}; empty when run from classes outside a jar. */
    public static Optional<String> number(Class<?> anyClass) {
        Objects.requireNonNull(anyClass, "anyClass");
        return Optional.ofNullable(
                anyClass.getPackage() == null ? null : anyClass.getPackage().getImplementationVersion());
    }
}
