package cn.ronghe;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A test of the whole application: demo profile, job executor off, on H2 in memory or — in the second
 * Surefire pass ({@code -Dronghe.test.database=postgres}) — on an embedded PostgreSQL 15. Every class with
 * this annotation shares one Spring context per database, so keep the configuration identical. Flow-node
 * coverage of the processes is collected for {@code ProcessCoverageReport}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import({TestDatabase.class, ProcessEngineCoverageConfiguration.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@Tag("db")
@AutoConfigureObservability(tracing = false)
public @interface RongheSpringTest {
}
