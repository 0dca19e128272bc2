package cn.ronghe.bench;

import cn.ronghe.TestDatabase;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A benchmark: the whole application as in production (history full, authorization on, the job executor
 * running), on H2 or — with {@code -Dronghe.test.database=postgres} — on PostgreSQL 15, without the process
 * coverage listener of the tests (it would add work to every step). Run with {@code mvn -Pbench verify}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=true", "logging.level.org.camunda.bpm.engine.jobexecutor=WARN"})
@ActiveProfiles({"demo", "test"})
@Import(TestDatabase.class)
@Tag("bench")
public @interface RongheBenchTest {
}
