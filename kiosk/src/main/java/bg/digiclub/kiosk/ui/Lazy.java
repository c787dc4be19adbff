package bg.digiclub.kiosk.ui;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A view made the first time it is needed. Only the lock screen is needed at start, and every
 * screen not built then is time the visitor does not wait (see the cold-start benchmark).
 * UI thread only.
 */
public final class Lazy<T> {
    private final Supplier<T> make;
    private T value;

    private Lazy(Supplier<T> make) {
        this.make = Objects.requireNonNull(make, "make");
    }

    public static <T> Lazy<T> of(Supplier<T> make) {
        return new Lazy<>(make);
    }

    public T get() {
        if (value == null) {
            value = make.get();
        }
        return value;
    }

    /** Acts on the value only if it was made already (hiding a window never shown makes nothing). */
    public void ifMade(Consumer<T> action) {
        if (value != null) {
            action.accept(value);
        }
    }

    /** What {@code read} gives of the value if it was made already, else empty (nothing made to ask). */
    public <R> Optional<R> askIfMade(Function<T, Optional<R>> read) {
        return value == null ? Optional.empty() : read.apply(value);
    }
}
