package cn.ronghe.browser;

import java.util.List;
import org.openqa.selenium.By;

/** The 发起流程 dialog once a process is picked: its Camunda start form and the 发起 button. */
public final class StartForm {

  private static final By START = By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='发起']");
  private final Browser browser;

  StartForm(Browser browser) {
    this.browser = browser;
  }

  public CamundaForm form() {
    return new CamundaForm(browser, By.cssSelector(".modal"));
  }

  /** Whether 发起 can be clicked; Tasklist disables it while the form has errors it can see. */
  public boolean canStart() {
    return browser.visible(START).isEnabled();
  }

  /** Clicks 发起 and waits for the dialog to close (the process started) or to show the server's answer. */
  public void start() {
    Notifications.dismiss(browser);
    try {
      browser.clickable(START);
    } catch (org.openqa.selenium.TimeoutException e) {
      // Say which fields the form still finds wrong, so a failure on a loaded machine can be told from a real one.
      List<String> shown = browser.driver().findElements(By.cssSelector(".modal .fjs-form-field-error li")).stream()
          .map(el -> el.getText().trim()).toList();
      throw new AssertionError("发起 stayed disabled; the form shows " + shown + "; screenshot "
          + browser.screenshot("start-disabled"), e);
    }
    browser.click(START);
    browser.until(d -> d.findElements(By.cssSelector(".modal")).isEmpty() || !Notifications.of(browser).isEmpty());
  }

  /** The dialog's alerts, e.g. the server's validation message when 发起 was refused; not 流程已发起 (success). */
  public List<String> messages() {
    return Notifications.of(browser).stream().filter(n -> !n.contains("流程已发起")).toList();
  }

  public boolean isOpen() {
    return !browser.driver().findElements(By.cssSelector(".modal")).isEmpty();
  }
}
