package cn.dataelements.contest.system.leader;

import cn.dataelements.contest.intake.routes.RouteFiles;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.leader.Context;
import org.springframework.integration.leader.DefaultCandidate;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * One instance among those sharing a database runs the intake routes; all of them serve the pages and the API. The
 * instances compete for one lock in the database (Spring Integration's JDBC lock registry, table {@code int_lock});
 * the holder renews it every half second and leads. A leader that dies or loses the database stops renewing, its lock
 * expires after {@code intake.leader.time-to-live}, and another instance takes it and starts the routes; a leader that
 * loses its lock stops its routes at once. Intake is idempotent by submission id, so a mail two instances both read
 * around a change of leader is taken in once.
 */
@Configuration(proxyBeanMethods = false)
class IntakeLeadership {

    private static final Logger log = LoggerFactory.getLogger(IntakeLeadership.class);

    @Bean
    DefaultLockRepository intakeLockRepository(
            DataSource dataSource, PlatformTransactionManager transactions, LeaderProperties properties) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setTimeToLive((int) properties.timeToLive().toMillis());
        repository.setTransactionManager(transactions);
        return repository;
    }

    @Bean
    JdbcLockRegistry intakeLockRegistry(DefaultLockRepository intakeLockRepository) {
        return new JdbcLockRegistry(intakeLockRepository);
    }

    @Bean
    LockRegistryLeaderInitiator intakeLeaderInitiator(
            JdbcLockRegistry intakeLockRegistry, RouteFiles routes, LeaderProperties properties) {
        return new LockRegistryLeaderInitiator(intakeLockRegistry, new DefaultCandidate() {
            @Override
            public String getRole() {
                return properties.lock();
            }

            @Override
            public void onGranted(Context context) {
                log.info("Granted the lead of {}", properties.lock());
                routes.lead();
            }

            @Override
            public void onRevoked(Context context) {
                log.warn("Lost the lead of {}: the intake routes stop here", properties.lock());
                routes.follow();
            }
        });
    }
}
