package cn.ronghe.browser;

import cn.ronghe.RongheSpringTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A journey through the real Camunda webapps in headless Chromium, against the whole application on a random
 * port (the shared {@link RongheSpringTest} context). Test methods take a {@link Browser} parameter: a fresh
 * browser with a fresh profile per test, whose last page is saved under {@code target/screenshots/}. Skipped
 * with a message where Debian's {@code chromium} and {@code chromium-driver} are not installed, unless
 * {@code -Dronghe.browser.required=true} (set by {@code .ci/run}) makes that a failure.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@RongheSpringTest
@Tag("browser")
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {
}
