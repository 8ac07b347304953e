package db.projections;

import io.ieim.projections.ReviewServiceLevels;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Writes the spec's review service levels to ieim_review.queue_service_level. Repeatable: its
 * checksum is the file's hash, so Flyway re-runs it whenever the service levels change.
 */
public class R__Queue_service_levels extends BaseJavaMigration {

    private final ReviewServiceLevels levels = ReviewServiceLevels.load();

    @Override
    public Integer getChecksum() {
        return levels.sha256().hashCode();
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement delete = context.getConnection().createStatement()) {
            delete.executeUpdate("DELETE FROM ieim_review.queue_service_level");
        }
        try (PreparedStatement insert = context.getConnection().prepareStatement(
                "INSERT INTO ieim_review.queue_service_level (queue, priority, sla_hours, ruleset) VALUES (?, ?, ?, ?)")) {
            for (ReviewServiceLevels.Level level : levels.levels()) {
                insert.setString(1, level.queue().name());
                insert.setInt(2, level.priority());
                insert.setInt(3, level.slaHours());
                insert.setString(4, levels.version());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
