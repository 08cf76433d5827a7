package org.slapdesk.core.wire;

/**
 * What one decoded document may expand to. A {@code <reference>} re-uses a container, and
 * whoever walks the value (Python's {@code str()} for the instance XML, a hash, a JSON writer)
 * walks it again at each use: shared containers nested a few dozen deep turn kilobytes into
 * gigabytes. So the size is counted as if every reference were a copy, and a document past a
 * limit is refused before anything walks it.
 */
final class DecodeBudget {

    /** Values (scalars and containers) after expansion; a real computer document has thousands. */
    static final long MAX_VALUES = 1_000_000;

    /** Characters of text (strings and integer digits) after expansion. */
    static final long MAX_TEXT_CHARS = 16L * 1024 * 1024;

    /** CPython's default limit for converting a decimal string to int (sys.get_int_max_str_digits). */
    static final int MAX_INT_DIGITS = 4300;

    /** The size of a decoded container, charged again each time a reference uses it. */
    record Weight(long values, long chars) {}

    private long values;
    private long chars;

    /** The counts so far; {@link #since} gives the weight of what was read after it. */
    Weight mark() {
        return new Weight(values, chars);
    }

    Weight since(Weight mark) {
        return new Weight(values - mark.values(), chars - mark.chars());
    }

    void charge(Weight weight) throws MarshalException {
        charge(weight.values(), weight.chars());
    }

    void charge(long moreValues, long moreChars) throws MarshalException {
        values += moreValues;
        chars += moreChars;
        if (values > MAX_VALUES) {
            throw new MarshalException("the marshalled document expands to more than " + MAX_VALUES
                    + " values (each <reference> counted as a copy); refusing it");
        }
        if (chars > MAX_TEXT_CHARS) {
            throw new MarshalException("the marshalled document expands to more than " + MAX_TEXT_CHARS
                    + " characters of text (each <reference> counted as a copy); refusing it");
        }
    }

    /** Refuses an integer too long to convert before any conversion work, as CPython does. */
    static void checkIntegerDigits(String text) throws MarshalException {
        int digits = text.startsWith("-") || text.startsWith("+") ? text.length() - 1 : text.length();
        if (digits > MAX_INT_DIGITS) {
            throw new MarshalException("an integer has " + digits + " digits, over the limit of " + MAX_INT_DIGITS
                    + " digits (CPython's limit for integer string conversion); refusing it");
        }
    }
}
