package cn.ronghe.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;

/**
 * The dashboard page ({@code /dashboard}): panels drawn by ECharts from the project's API. Read through the data
 * table each panel carries, the way a screen reader would, and through ECharts' own view of the chart.
 */
public final class Dashboard {

  private final Browser browser;

  private Dashboard(Browser browser) {
    this.browser = browser;
  }

  /** Opens {@code /dashboard<query>} in a browser that is logged in, and waits until every panel has loaded. */
  public static Dashboard open(Browser browser, String query) {
    browser.open("/dashboard" + query);
    browser.visible(By.cssSelector("main .scope h1"));
    browser.until(d -> d.findElements(By.cssSelector(".panel[data-state=loading]")).isEmpty());
    return new Dashboard(browser);
  }

  /** The scope the page shows, e.g. 娄东街道. */
  public String scope() {
    return browser.visible(By.cssSelector("main .scope h1 span")).getText().trim();
  }

  public List<String> sections() {
    return browser.texts(By.cssSelector(".dashboard-section h2"));
  }

  public List<String> panelTitles() {
    return browser.texts(By.cssSelector(".panel h3"));
  }

  /** {@code loaded}, {@code empty} or {@code error}. */
  public String state(String panelId) {
    return browser.driver().findElement(panel(panelId)).getAttribute("data-state");
  }

  public String subtitle(String panelId) {
    return browser.driver().findElement(panel(panelId)).findElement(By.cssSelector(".subtitle")).getText().trim();
  }

  public String emptyText(String panelId) {
    return browser.driver().findElement(panel(panelId)).findElement(By.cssSelector(".empty")).getText().trim();
  }

  /** How many series ECharts draws in the panel (0 when it drew nothing). */
  public long seriesDrawn(String panelId) {
    Object n = browser.script("const el = document.querySelector(arguments[0] + ' .chart');"
        + "const chart = el && echarts.getInstanceByDom(el);"
        + "return chart ? chart.getOption().series.length : 0;", "[data-panel='" + panelId + "']");
    return ((Number) n).longValue();
  }

  /** The panel's data table: row label → the values of the series, as text. */
  @SuppressWarnings("unchecked")
  public Map<String, List<String>> table(String panelId) {
    List<List<String>> rows = (List<List<String>>) browser.script(
        "return Array.from(document.querySelectorAll(arguments[0] + ' details.data tbody tr'))"
            + ".map(r => Array.from(r.children).map(c => c.textContent.trim()));", "[data-panel='" + panelId + "']");
    Map<String, List<String>> table = new java.util.LinkedHashMap<>();
    for (List<String> r : rows) {
      table.put(r.get(0), new ArrayList<>(r.subList(1, r.size())));
    }
    return table;
  }

  /** The data table's column heads: the series names. */
  @SuppressWarnings("unchecked")
  public List<String> columns(String panelId) {
    List<String> heads = (List<String>) browser.script(
        "return Array.from(document.querySelectorAll(arguments[0] + ' details.data thead th'))"
            + ".map(c => c.textContent.trim());", "[data-panel='" + panelId + "']");
    return heads.subList(1, heads.size());
  }

  public Dashboard scrollTo(String panelId) {
    browser.script("document.querySelector(arguments[0]).scrollIntoView()", "[data-panel='" + panelId + "']");
    return this;
  }

  private static By panel(String id) {
    return By.cssSelector(".panel[data-panel='" + id + "']");
  }
}
