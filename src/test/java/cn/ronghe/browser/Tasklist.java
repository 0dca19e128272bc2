package cn.ronghe.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Camunda Tasklist: filters on the left, the filter's tasks in the middle, the open task on the right. */
public final class Tasklist {

  private static final By FILTER_LINKS = By.cssSelector(".task-filters .task-filter h4.name a");
  private static final By TASK_CARDS = By.cssSelector(".tasks-list li.task");
  private final Browser browser;

  private Tasklist(Browser browser) {
    this.browser = browser;
  }

  /** Logs in on Tasklist's login page and waits for the user's filters. */
  public static Tasklist loginAs(Browser browser, String user) {
    LoginPage.open(browser, "tasklist").signInAs(user);
    return current(browser);
  }

  /** Tasklist as the signed-in user sees it, once the filters are loaded. */
  public static Tasklist current(Browser browser) {
    browser.visible(FILTER_LINKS);
    return new Tasklist(browser);
  }

  public Header header() {
    return new Header(browser);
  }

  /** Names of the filters the user may read, in Tasklist's order. */
  public List<String> filters() {
    browser.visible(FILTER_LINKS);
    // Filters refresh themselves every few seconds: a read that meets a re-rendered element is simply retried.
    return browser.until(d -> d.findElements(FILTER_LINKS).stream().map(Tasklist::ownText).toList());
  }

  /** Focuses a filter; its tasks are then listed. */
  public Tasklist selectFilter(String name) {
    browser.until(d -> d.findElements(FILTER_LINKS).stream().filter(a -> ownText(a).equals(name)).findFirst()
        .orElse(null)).click();
    browser.until(d -> d.findElements(By.cssSelector(".task-filters .task-filter.active h4.name a")).stream()
        .anyMatch(a -> ownText(a).equals(name)));
    return this;
  }

  /** Waits until the list shows a task whose card (name, process, columns) contains the text; returns its card. */
  public String waitForTask(String text) {
    return browser.until(d -> d.findElements(TASK_CARDS).stream().map(WebElement::getText)
        .filter(card -> card.contains(text)).findFirst().orElse(null));
  }

  /** The full text of every task card now listed: task name, process name, dates and the filter's columns. */
  public List<String> taskCards() {
    return browser.until(d -> d.findElements(TASK_CARDS).stream().map(WebElement::getText).toList());
  }

  /** Opens the first listed task whose card contains the text. */
  public TaskView openTask(String text) {
    waitForTask(text);
    var link = browser.until(d -> d.findElements(TASK_CARDS).stream().filter(card -> card.getText().contains(text))
        .findFirst().map(card -> card.findElement(By.cssSelector("h4.task a"))).orElse(null));
    // a card low in the list lies under Tasklist's fixed footer
    browser.script("arguments[0].scrollIntoView({block: 'center'})", link);
    link.click();
    return new TaskView(browser);
  }

  /** Opens 发起流程, picks the process by its name and returns its start form. */
  public StartForm startProcess(String processName) {
    browser.click(By.cssSelector("li.start-process-action a"));
    browser.withText(By.cssSelector(".modal ul.processes a"), processName).click();
    return new StartForm(browser);
  }

  /** The visible text of a filter link without its task counter. */
  private static String ownText(WebElement link) {
    return link.getText().replaceFirst("\\s*\\(?\\d+\\)?$", "").trim();
  }
}
