package org.proposals.kit.persistence;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransientFailuresTest {

    @Test
    void theDatabaseGoingAwayIsTransientHoweverDeepItIsWrapped() {
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("Connection refused", "08001"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("This connection has been closed.", "08003"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("the database system is starting up", "57P03"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLTransientConnectionException("pool closed"))));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new ConnectException("Connection refused"))));
    }

    @Test
    void conflictsThatRollBackTheTransactionAreTransient() {
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("could not serialize access", "40001"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("deadlock detected", "40P01"))));
    }

    @Test
    void failuresOfTheWorkItselfAreNot() {
        assertFalse(TransientFailures.isTransient(new IllegalStateException("this event cannot be applied")));
        assertFalse(TransientFailures.isTransient(wrapped(new SQLException("duplicate key value", "23505"))));
        assertFalse(TransientFailures.isTransient(wrapped(new SQLException("value too long", "22001"))));
        assertFalse(TransientFailures.isTransient(wrapped(new SQLException("no state"))));
    }

    @Test
    void aChainedNextExceptionCounts() {
        SQLException batch = new SQLException("Batch entry 0 was aborted", "25P02");
        batch.setNextException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertTrue(TransientFailures.isTransient(wrapped(batch)));
    }

    private static RuntimeException wrapped(SQLException e) {
        return new IllegalStateException("transaction failed", new PersistenceException("could not execute statement", e));
    }
}
