package cn.dataelements.contest.system.postgres;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database itself (unreachable, restarting, out of connections, a lock wait or a deadlock that
 * a second try resolves) from a defect of what was asked of it: the first is waited out, the second is the item's.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {}

    /** True when the failure, or one of its causes, says the database could not do it now. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof TransactionSystemException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && transientState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Connection exceptions (08), serialization failures and deadlocks (40), server shutting down (57P). */
    private static boolean transientState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("40") || state.startsWith("57P"));
    }
}
