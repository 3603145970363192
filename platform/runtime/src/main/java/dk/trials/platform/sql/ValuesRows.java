package dk.trials.platform.sql;

/**
 * The placeholders of a multi-row {@code values} list for a native query with positional parameters: a batch of rows
 * in one statement, one round trip instead of one a row. Row {@code r} (from 0), column {@code c} (from 1) is
 * parameter {@code r * columns + c}.
 */
public final class ValuesRows {

    private ValuesRows() {
    }

    /** {@code (?1, ?2), (?3, ?4)} for two rows of two columns. */
    public static String placeholders(int rows, int columns) {
        StringBuilder sql = new StringBuilder(rows * columns * 5);
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "(" : ", (");
            for (int c = 1; c <= columns; c++) {
                sql.append(c == 1 ? "?" : ", ?").append(r * columns + c);
            }
            sql.append(')');
        }
        return sql.toString();
    }
}
