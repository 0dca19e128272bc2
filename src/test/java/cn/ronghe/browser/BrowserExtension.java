package cn.ronghe.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives each browser test a fresh {@link Browser} on the app's port, saves a screenshot of its last page (also
 * when it fails, before anything is cleaned up) and closes the browser afterwards.
 */
public class BrowserExtension implements ExecutionCondition, ParameterResolver, AfterTestExecutionCallback,
    AfterEachCallback {

  static final String REQUIRED_PROPERTY = "ronghe.browser.required";
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BrowserExtension.class);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String missing = Browser.missingExecutables();
    if (missing == null) {
      return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
    }
    String message = "Browser tests skipped: " + missing + " not found. Install Debian's packages with "
        + "'apt-get install -y chromium chromium-driver' (.ci/run does).";
    if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
      throw new IllegalStateException(message.replace("skipped", "required") + " (-D" + REQUIRED_PROPERTY + "=true)");
    }
    return ConditionEvaluationResult.disabled(message);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Browser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getStore(NS).getOrComputeIfAbsent(Browser.class, key -> {
      String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
      return Browser.start("http://localhost:" + port, screenshotPrefix(context));
    }, Browser.class);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    Browser browser = context.getStore(NS).get(Browser.class, Browser.class);
    if (browser == null) {
      return;
    }
    String prefix = screenshotPrefix(context);
    boolean failed = context.getExecutionException().isPresent();
    try {
      Files.deleteIfExists(Browser.SCREENSHOTS.resolve(prefix + ".png"));
      Files.deleteIfExists(Browser.SCREENSHOTS.resolve(prefix + "-FAILED.png"));
      Files.deleteIfExists(Browser.SCREENSHOTS.resolve(prefix + "-FAILED.html"));
    } catch (java.io.IOException e) {
      // a stale file from an earlier run is not worth failing the test for
    }
    Path shot = browser.save(failed ? "-FAILED" : "");
    if (failed) {
      browser.savePageSource("-FAILED");
      System.err.println("Browser test failed; last page: " + shot.toAbsolutePath() + " at " + browser.currentUrl());
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Browser browser = context.getStore(NS).remove(Browser.class, Browser.class);
    if (browser != null) {
      browser.close();
    }
  }

  /** {@code <Class>-<method>}, plus the invocation number for a parameterized test ({@code -2}). */
  private static String screenshotPrefix(ExtensionContext context) {
    String prefix = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
    java.util.regex.Matcher invocation = java.util.regex.Pattern.compile("^\\[(\\d+)]").matcher(context.getDisplayName());
    return invocation.find() ? prefix + "-" + invocation.group(1) : prefix;
  }
}
