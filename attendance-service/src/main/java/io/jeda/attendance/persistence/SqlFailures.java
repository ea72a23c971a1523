package io.jeda.attendance.persistence;

import java.sql.SQLException;

/** What kind of failure the database reported, for the writes that decide on it. */
final class SqlFailures {

    private SqlFailures() {
    }

    /** A unique or primary key violation (SQL state class 23). */
    static boolean isDuplicateKey(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException se && se.getSQLState() != null && se.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
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
