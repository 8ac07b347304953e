package io.ieim.projections;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the review projection schema. The schema belongs to these migrations, not to the JDBC
 * sink: the sink's schema evolution never changes types or keys, so it must not own DDL.
 */
public final class ProjectionMigrations {

    /** Flyway history lives beside the tables it describes. */
    public static final String SCHEMA = "ieim_review";

    private ProjectionMigrations() {
    }

    /** Migrates the database to the newest schema and returns how many migrations ran. */
    public static int migrate(String jdbcUrl, String user, String password) {
        MigrateResult result = Flyway.configure(ProjectionMigrations.class.getClassLoader())
                .dataSource(jdbcUrl, user, password)
                .schemas(SCHEMA)
                .locations("classpath:db/projections")
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
