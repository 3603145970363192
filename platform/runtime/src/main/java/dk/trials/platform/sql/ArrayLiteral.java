package dk.trials.platform.sql;

import java.util.Collection;
import java.util.function.Function;

/**
 * A one-dimensional PostgreSQL array literal, such as {@code {"a","b \"c\"",NULL}}, for a statement that takes a
 * batch as arrays ({@code unnest(?::text[], ?::uuid[])}), bound with {@code setString} and cast in the SQL. Every
 * element is quoted, so that commas, braces, spaces and the word NULL stay text; a null element is SQL NULL.
 *
 * <p>The driver's {@code createArrayOf} builds the same literal one character at a time, and for a bulk outcome line
 * that was the largest single cost in outcome-service (outcome-service/bench/README.md, 3 December): here an element
 * without a quote or a backslash, which is nearly every one, is copied whole.
 */
public final class ArrayLiteral {

    private ArrayLiteral() {
    }

    /** The literal of the elements in their order, each written as its {@code toString()}. */
    public static String of(Collection<?> elements) {
        return of(elements, element -> element);
    }

    /** The literal of one column of the rows, in their order: {@code column} gives a row's element. */
    public static <T> String of(Collection<T> rows, Function<? super T, ?> column) {
        StringBuilder literal = new StringBuilder(2 + rows.size() * 16);
        literal.append('{');
        boolean first = true;
        for (T row : rows) {
            if (!first) {
                literal.append(',');
            }
            first = false;
            Object element = column.apply(row);
            if (element == null) {
                literal.append("NULL");
            } else {
                quoted(literal, element.toString());
            }
        }
        return literal.append('}').toString();
    }

    private static void quoted(StringBuilder literal, String text) {
        literal.append('"');
        if (text.indexOf('"') < 0 && text.indexOf('\\') < 0) {
            literal.append(text);
        } else {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
        }
        literal.append('"');
    }
}
