package io.jeda.attendance.persistence;

import java.sql.SQLException;

/** Failures the writes answer by trying again (duplicate keys: {@link io.jeda.common.sql.SqlErrors}). */
final class SqlFailures {

    private SqlFailures() {
    }

    /** A transaction the database rolled back to break a deadlock. */
    static boolean isDeadlock(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException se && ("40001".equals(se.getSQLState()) || se.getErrorCode() == 1213)) {
                return true;
            }
        }
        return false;
    }
}
