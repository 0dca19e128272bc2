package cn.ronghe.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Camunda Cockpit, as an administrator uses it: deployed processes, their instances and incidents. */
public final class Cockpit {

  private final Browser browser;

  private Cockpit(Browser browser) {
    this.browser = browser;
  }

  public static Cockpit loginAs(Browser browser, String user) {
    LoginPage.open(browser, "cockpit").signInAs(user);
    return new Cockpit(browser);
  }

  public Header header() {
    return new Header(browser);
  }

  /** One row of 流程 (the process definitions list). */
  public record ProcessRow(String key, String name, int incidents, int runningInstances) {
  }

  /** Opens 流程 and reads the process definitions once the row for {@code expectedKey} is there. */
  public List<ProcessRow> processes(String expectedKey) {
    browser.open("/camunda/app/cockpit/default/#/processes");
    By rows = By.cssSelector("tr[ng-repeat^='pd in processDefinitionData']");
    browser.until(d -> d.findElements(rows).stream().anyMatch(r -> cell(r, "key").equals(expectedKey)));
    return browser.driver().findElements(rows).stream().map(r -> new ProcessRow(cell(r, "key"), cell(r, "name"),
        Integer.parseInt(cell(r, "incidents")), Integer.parseInt(cell(r, "instances")))).toList();
  }

  /** Opens a process instance on its 故障 tab. */
  public Incidents incidentsOf(String processInstanceId) {
    browser.open("/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime?tab=incidents-tab");
    return new Incidents(browser);
  }

  /** The 故障 tab of a process instance. */
  public static final class Incidents {

    private static final By ROWS = By.cssSelector("tr[ng-repeat^='incident in incidents']");
    private final Browser browser;

    Incidents(Browser browser) {
      this.browser = browser;
    }

    /** Waits until an incident with the message is listed and returns its row's cells, 信息 first. */
    public List<String> waitFor(String message) {
      WebElement row = row(message);
      return row.findElements(By.cssSelector("td")).stream().map(td -> td.getText().trim()).toList();
    }

    /** 增加失败作业的重试次数 on the incident's row, confirmed in the dialog; waits for Cockpit's confirmation. */
    public String retry(String message) {
      row(message).findElement(By.cssSelector("td.action a[ng-click^='openJobRetryDialog']")).click();
      browser.click(By.xpath("//div[contains(@class,'modal')]//button[normalize-space()='重试']"));
      String confirmation = browser.until(d -> browser.texts(By.cssSelector(".modal, .notifications .alert")).stream()
          .filter(t -> t.contains("已增加所选故障") || t.contains("未能增加") || t.contains("增加重试次数失败")).findFirst()
          .orElse(null));
      browser.driver().findElements(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='确定' "
          + "or normalize-space()='关闭']")).stream().filter(WebElement::isDisplayed).findFirst()
          .ifPresent(WebElement::click);
      return confirmation;
    }

    /** The messages of the incidents now listed. */
    public List<String> messages() {
      return browser.texts(By.cssSelector("tr[ng-repeat^='incident in incidents'] td.message"));
    }

    private WebElement row(String message) {
      return browser.until(d -> d.findElements(ROWS).stream()
          .filter(r -> r.findElement(By.cssSelector("td.message")).getText().contains(message)).findFirst().orElse(null));
    }
  }

  private static String cell(WebElement row, String cssClass) {
    List<WebElement> cells = row.findElements(By.cssSelector("td." + cssClass));
    return cells.isEmpty() ? "" : cells.get(0).getText().trim();
  }
}
