package org.proposals.kit.persistence;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure of the infrastructure that passes by itself (the database restarting, unreachable, out of
 * connections, or a serialization conflict) from a failure of the work itself. The first is worth trying again
 * as long as it takes; the second is not.
 */
public final class TransientFailures {

    /** Agroal's message when no connection became free within the acquisition timeout (it sets no SQLState). */
    private static final String ACQUISITION_TIMEOUT = "acquisition timeout";

    private TransientFailures() {
    }

    /** Whether {@code failure}, or anything it was caused by, is a transient failure of the infrastructure. */
    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql && isTransient(sql)) {
                return true;
            }
            if (t instanceof SocketException || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(SQLException e) {
        for (SQLException sql = e; sql != null; sql = sql.getNextException()) {
            if (sql instanceof SQLTransientException || sql instanceof SQLRecoverableException) {
                return true;
            }
            if (isTransientState(sql.getSQLState())) {
                return true;
            }
            if (sql.getSQLState() == null && sql.getMessage() != null && sql.getMessage().contains(ACQUISITION_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Class 08 (connection exception), 57P01-57P03 (the server shutting down, crashed or not yet accepting
     * connections), 53300 (too many connections), 40001 and 40P01 (serialization failure, deadlock: the
     * transaction is rolled back and may simply be run again).
     */
    static boolean isTransientState(String state) {
        if (state == null) {
            return false;
        }
        return state.startsWith("08")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300")
                || state.equals("40001") || state.equals("40P01");
    }
}
