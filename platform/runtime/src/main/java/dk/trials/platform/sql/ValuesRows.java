package dk.trials.platform.sql;

/**
 * The placeholders of a multi-row {@code values} list: a batch of rows in one statement, one round trip instead of
 * one a row. Row {@code r} (from 0), column {@code c} (from 1) is parameter {@code r * columns + c} of the list.
 */
public final class ValuesRows {

    private ValuesRows() {
    }

    /** {@code (?1, ?2), (?3, ?4)} for two rows of two columns, for a native query with numbered parameters. */
    public static String placeholders(int rows, int columns) {
        return list(rows, columns, true);
    }

    /** {@code (?, ?), (?, ?)} for two rows of two columns, for a JDBC statement. */
    public static String unnumbered(int rows, int columns) {
        return list(rows, columns, false);
    }

    private static String list(int rows, int columns, boolean numbered) {
        StringBuilder sql = new StringBuilder(rows * columns * 5);
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "(" : ", (");
            for (int c = 1; c <= columns; c++) {
                sql.append(c == 1 ? "?" : ", ?");
                if (numbered) {
                    sql.append(r * columns + c);
                }
            }
            sql.append(')');
        }
        return sql.toString();
    }
}
