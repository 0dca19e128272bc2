package cn.ronghe.browser;

import org.openqa.selenium.By;

/** The bar on top of every Camunda webapp page. */
public final class Header {

  private final Browser browser;

  Header(Browser browser) {
    this.browser = browser;
  }

  /** The header of the page now open, e.g. after {@link LoginPage#signInAs(String)}. */
  public static Header of(Browser browser) {
    return new Header(browser);
  }

  /** "<vendor> <app name>" as config.js sets it, e.g. 融合 · 太仓社区治理 任务中心. */
  public String brand() {
    return browser.visible(By.cssSelector("[cam-widget-header] .brand-name")).getText().trim();
  }

  /** Whether Camunda's "migrate to Camunda 8" banner is visible (it is in the page, hidden by our styles). */
  public boolean camunda8BannerVisible() {
    return browser.driver().findElements(By.cssSelector(".ce-eol-banner")).stream().anyMatch(e -> e.isDisplayed());
  }

  /** Texts of the header's actions, e.g. 发起流程. */
  public java.util.List<String> actions() {
    return browser.texts(By.cssSelector("[cam-widget-header] .sections-menu li"));
  }
}
