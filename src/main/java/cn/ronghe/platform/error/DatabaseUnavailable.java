package cn.ronghe.platform.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Recognises a failure that says "the database cannot be reached" (an outage, a restart, a pool that found no
 * connection in time) rather than a fault of the request or of the code: such a request is answered 503 with a
 * Retry-After, so clients and load balancers retry instead of reporting an internal error.
 */
final class DatabaseUnavailable {

  static final int RETRY_AFTER_SECONDS = 10;

  private DatabaseUnavailable() {
  }

  static boolean causedBy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof DataAccessResourceFailureException) {
        return true;
      }
      // SQLSTATE class 08: connection exception; 57P01–57P03: the server is shutting down or starting up.
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }

  static ApiError body() {
    return ApiError.of(503, "DATABASE_UNAVAILABLE", "数据库暂时无法访问，请稍后重试",
        "The database is temporarily unavailable; please retry shortly");
  }
}
