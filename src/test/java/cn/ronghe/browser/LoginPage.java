package cn.ronghe.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The login page every Camunda webapp shows first (Tasklist, Cockpit, Admin, Welcome). */
public final class LoginPage {

  private static final By FORM = By.cssSelector("form[name=signinForm]");
  private final Browser browser;

  private LoginPage(Browser browser) {
    this.browser = browser;
  }

  /** Opens {@code /camunda/app/<app>/} in a browser that is not logged in. */
  public static LoginPage open(Browser browser, String app) {
    browser.open("/camunda/app/" + app + "/");
    browser.visible(FORM);
    return new LoginPage(browser);
  }

  /** The application's name above the form, e.g. 任务中心. */
  public String appName() {
    return browser.visible(By.cssSelector(".form-signin .app-name")).getText().trim();
  }

  public String usernamePlaceholder() {
    return input("username").getAttribute("placeholder");
  }

  public String passwordPlaceholder() {
    return input("password").getAttribute("placeholder");
  }

  public String signInLabel() {
    return browser.visible(By.cssSelector("form[name=signinForm] button[type=submit]")).getText().trim();
  }

  /** The language switch our locale.js adds under the form: "English" or "中文". */
  public String languageSwitch() {
    return browser.visible(By.cssSelector(".ronghe-locale-login a")).getText().trim();
  }

  /** Clicks the language switch; the page reloads in the other language. */
  public LoginPage switchLanguage() {
    String before = languageSwitch();
    browser.click(By.cssSelector(".ronghe-locale-login a"));
    browser.until(d -> !languageSwitch().equals(before));
    return this;
  }

  /** Signs in with the demo password (the user id) and waits until the app's header shows the user. */
  public void signInAs(String user) {
    input("username").sendKeys(user);
    input("password").sendKeys(user);
    browser.click(By.cssSelector("form[name=signinForm] button[type=submit]"));
    browser.visible(By.cssSelector("[cam-widget-header] li.account"));
  }

  private WebElement input(String model) {
    return browser.visible(By.cssSelector("form[name=signinForm] input[ng-model=" + model + "]"));
  }
}
