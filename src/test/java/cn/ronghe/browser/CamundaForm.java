package cn.ronghe.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A Camunda Form (form-js 1.8.7, as Tasklist 7.24 renders it) found by its fields' labels, the way a person
 * reads it: fill 事项名称, choose 承办社区, read the messages under a field.
 */
public final class CamundaForm {

  private static final By FIELDS = By.cssSelector(".fjs-container .fjs-form-field");
  private final Browser browser;
  private final By scope;

  CamundaForm(Browser browser, By scope) {
    this.browser = browser;
    this.scope = scope;
  }

  /** Types into a text, text area or number field, replacing what was there. */
  public CamundaForm fill(String label, String text) {
    WebElement input = field(label).findElement(By.cssSelector("input.fjs-input, textarea"));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(text);
    return this;
  }

  /** Picks an option of a select (by its shown label) or of a radio group. */
  public CamundaForm choose(String label, String option) {
    WebElement field = field(label);
    if (field.getAttribute("class").contains("fjs-form-field-select")) {
      field.findElement(By.cssSelector(".fjs-input-group")).click();
      browser.until(d -> field.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
          .filter(item -> item.getText().trim().equals(option)).findFirst().orElse(null)).click();
    } else {
      field.findElements(By.cssSelector("label")).stream().skip(1)
          .filter(l -> l.getText().trim().equals(option)).findFirst()
          .orElseThrow(() -> new AssertionError("no option " + option + " in " + label)).click();
    }
    return this;
  }

  /** The messages form-js shows under the field, e.g. 不能超过 20 个字。 */
  public List<String> errors(String label) {
    return field(label).findElements(By.cssSelector(".fjs-form-field-error li")).stream()
        .map(e -> e.getText().trim()).toList();
  }

  /** Waits until the field shows a message, then returns all of its messages. */
  public List<String> waitForErrors(String label) {
    return browser.until(d -> {
      List<String> errors = errors(label);
      return errors.isEmpty() ? null : errors;
    });
  }

  /** The field's current value (text, text area, number). */
  public String value(String label) {
    return browser.until(d -> {
      String v = field(label).findElement(By.cssSelector("input.fjs-input, textarea")).getAttribute("value");
      return v == null || v.isEmpty() ? null : v;
    });
  }

  /** What the field shows as placeholder, e.g. 请选择 for an empty select. */
  public String placeholder(String label) {
    WebElement field = field(label);
    List<WebElement> select = field.findElements(By.cssSelector(".fjs-select-placeholder"));
    return select.isEmpty() ? field.findElement(By.cssSelector("input, textarea")).getAttribute("placeholder")
        : select.get(0).getText().trim();
  }

  /** The field whose label (without the required asterisk) is the given text; waits for the form to render. */
  public WebElement field(String label) {
    return browser.until(d -> d.findElement(scope).findElements(FIELDS).stream()
        .filter(f -> labelOf(f).equals(label)).findFirst().orElse(null));
  }

  private static String labelOf(WebElement field) {
    List<WebElement> labels = field.findElements(By.cssSelector("label.fjs-form-field-label"));
    return labels.isEmpty() ? "" : labels.get(0).getText().replace("*", "").trim();
  }
}
