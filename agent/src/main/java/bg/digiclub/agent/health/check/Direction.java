package bg.digiclub.agent.health.check;

/** Which side of a level is bad: a hot CPU is bad when high, a disk when its free space is low. */
enum Direction {
    HIGH_IS_BAD("above") {
        @Override
        boolean beyond(double value, double level) {
            return value > level;
        }

        @Override
        double clearLevel(double level, double margin) {
            return level - margin;
        }
    },
    LOW_IS_BAD("below") {
        @Override
        boolean beyond(double value, double level) {
            return value < level;
        }

        @Override
        double clearLevel(double level, double margin) {
            return level + margin;
        }
    };

    private final String word;

    Direction(String word) {
        this.word = word;
    }

    /** True when {@code value} is on the bad side of {@code level} (strictly). */
    abstract boolean beyond(double value, double level);

    /** The value a status raised at {@code level} must get back past before it clears. */
    abstract double clearLevel(double level, double margin);

    /** "above" or "below", for plain-words texts. */
    String word() {
        return word;
    }
}
