package bg.digiclub.support.sql;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done with one connection, inside a unit the caller chose: a transaction ({@link Database#write}) or a
 * consistent read snapshot ({@link Database#read}). The one functional type for both, so a repository method
 * reads the same whichever database it runs on.
 */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
