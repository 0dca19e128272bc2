package cn.ronghe.browser;

import java.util.List;
import org.openqa.selenium.By;

/** The task opened on the right of Tasklist: its name, 认领, its Camunda Form and 完成. */
public final class TaskView {

  private static final By VIEW = By.cssSelector(".task-details, [cam-tasklist-task]");
  private static final By COMPLETE = By.xpath("//div[contains(@class,'form-actions')]//button[normalize-space()='完成']");
  private final Browser browser;

  TaskView(Browser browser) {
    this.browser = browser;
    browser.visible(VIEW);
  }

  /** The task's name as the header of the task shows it. */
  public String name() {
    return browser.visible(By.cssSelector(".task-details .names h2, .task-details h2")).getText().trim();
  }

  /** Claims the task and waits until Tasklist shows the user as its assignee (with 取消认领). */
  public TaskView claim() {
    browser.click(By.xpath("//*[contains(@class,'task-details')]//*[self::a or self::button][normalize-space()='认领']"));
    browser.visible(By.cssSelector("button.unclaim"));
    return this;
  }

  public CamundaForm form() {
    return new CamundaForm(browser, By.cssSelector(".task-details"));
  }

  /**
   * Clicks 完成 and waits for Tasklist's answer: the task leaves the view (done; an empty list is returned) or
   * Tasklist shows why it was refused (those messages are returned, e.g. the server's validation message).
   */
  public List<String> complete() {
    Notifications.dismiss(browser);
    browser.click(COMPLETE);
    browser.until(d -> d.findElements(COMPLETE).isEmpty() || !Notifications.of(browser).isEmpty());
    return Notifications.of(browser).stream().filter(n -> !n.contains("任务已完成")).toList();
  }
}
