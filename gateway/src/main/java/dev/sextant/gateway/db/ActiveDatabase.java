package dev.sextant.gateway.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.hibernate.orm.PersistenceUnit;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The relational store this process runs on: the embedded H2 database (the default datasource and persistence
 * unit) or PostgreSQL (the {@code pg} ones), whichever the configuration made active at start (the profile
 * {@code pg}; README, "Production database"). Everything that injects a plain {@link DataSource} or
 * {@link jakarta.persistence.EntityManager} gets the active one, so no other class knows which it is.
 */
@ApplicationScoped
public class ActiveDatabase {

    /** The name of the PostgreSQL datasource and persistence unit in {@code application.properties}. */
    public static final String POSTGRESQL = "pg";

    private static final Logger LOG = Logger.getLogger(ActiveDatabase.class);

    private final InjectableInstance<AgroalDataSource> h2;
    private final InjectableInstance<AgroalDataSource> postgresql;
    private final InjectableInstance<Session> h2Session;
    private final InjectableInstance<Session> postgresqlSession;
    private final PostgresqlConfig config;

    /** The default datasource's bean has no name qualifier; this class's DataSource is not an AgroalDataSource. */
    ActiveDatabase(InjectableInstance<AgroalDataSource> h2,
                   @io.quarkus.agroal.DataSource(POSTGRESQL) InjectableInstance<AgroalDataSource> postgresql,
                   @PersistenceUnit(PersistenceUnit.DEFAULT) InjectableInstance<Session> h2Session,
                   @PersistenceUnit(POSTGRESQL) InjectableInstance<Session> postgresqlSession,
                   PostgresqlConfig config) {
        this.h2 = h2;
        this.postgresql = postgresql;
        this.h2Session = h2Session;
        this.postgresqlSession = postgresqlSession;
        this.config = config;
    }

    void started(@Observes StartupEvent start) {
        if (isPostgresql()) {
            LOG.infof("relational state in PostgreSQL at %s", config.url().orElse("(sextant.postgresql.url not set)"));
        } else {
            LOG.info("relational state in the embedded H2 database under the data folder");
        }
    }

    /** True when this process keeps its state in PostgreSQL, false on the embedded H2 database. */
    public boolean isPostgresql() {
        return postgresql.getHandle().getBean().isActive();
    }

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    DataSource dataSource() {
        return isPostgresql() ? postgresql.get() : h2.get();
    }

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    Session session() {
        return isPostgresql() ? postgresqlSession.get() : h2Session.get();
    }
}
