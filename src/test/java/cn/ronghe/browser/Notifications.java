package cn.ronghe.browser;

import java.util.List;
import org.openqa.selenium.By;

/** The alerts the Camunda webapps show, at the top of the page or inside a dialog: "status message". */
final class Notifications {

  private Notifications() {
  }

  static List<String> of(Browser browser) {
    return browser.texts(By.cssSelector(".notifications .alert")).stream()
        .map(text -> text.replace("×", "").replaceAll("\\s+", " ").trim()).toList();
  }

  /** Closes the alerts now shown, so that the next one is the answer to the next action. */
  static void dismiss(Browser browser) {
    browser.driver().findElements(By.cssSelector(".notifications .alert button.close")).stream()
        .filter(org.openqa.selenium.WebElement::isDisplayed).forEach(org.openqa.selenium.WebElement::click);
    browser.until(d -> of(browser).isEmpty());
  }
}
