package gov.keyproject.platform.store;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;

/** Tells "the store could not be reached" apart from every other failure, wrapped or not. */
public final class StoreFailures {

    private StoreFailures() {
    }

    /**
     * True when {@code failure} or one of its causes says the store was unreachable: Spring's translation
     * ({@link DataAccessResourceFailureException}) or the driver's own exceptions where code bypassed the
     * translation (server selection and pool timeouts, socket errors and read timeouts), and a connection pool
     * paused after such a failure (which Spring only knows as "uncategorized").
     */
    public static boolean isStoreUnreachable(Throwable failure) {
        Throwable t = failure;
        // Bounded walk: a cause chain with a cycle must not hang the caller.
        for (int depth = 0; t != null && depth < 32; depth++) {
            if (t instanceof DataAccessResourceFailureException || t instanceof MongoTimeoutException
                    || t instanceof MongoSocketException || t instanceof MongoConnectionPoolClearedException) {
                return true;
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return false;
    }
}
