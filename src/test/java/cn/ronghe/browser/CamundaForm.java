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

  /**
   * Types into a text, text area or number field, replacing what was there. Chinese (any non-ASCII text) is
   * entered the way an input method commits it: the value is set and an {@code input} event fired, which is what
   * form-js listens to; chromedriver's key events cannot carry characters without a key. Waits until the field
   * shows the text.
   */
  public CamundaForm fill(String label, String text) {
    WebElement input = field(label).findElement(By.cssSelector("input.fjs-input, textarea"));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    if (text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      input.sendKeys(text);
    } else {
      browser.script(COMMIT_TEXT, input, text);
    }
    browser.until(d -> text.equals(input.getAttribute("value")));
    return this;
  }

  /** Sets a date field (form-js opens a flatpickr calendar; people may also type the date): {@code 2027-03-01}. */
  public CamundaForm date(String label, java.time.LocalDate date) {
    WebElement input = field(label).findElement(By.cssSelector("input.fjs-input"));
    browser.script("const fp = arguments[0]._flatpickr;"
        + "if (fp) { fp.setDate(arguments[1], true, 'Y-m-d'); fp.close(); } else {" + COMMIT_TEXT + "}",
        input, date.toString());
    return this;
  }

  /** Ticks the options of a checklist, or a single checkbox when no option is given. */
  public CamundaForm tick(String label, String... options) {
    WebElement field = field(label);
    if (options.length == 0) {
      WebElement box = field.findElement(By.cssSelector("input[type=checkbox]"));
      if (!box.isSelected()) {
        clickInView(box);
      }
      return this;
    }
    for (String option : options) {
      clickInView(field.findElements(By.cssSelector("label")).stream().skip(1)
          .filter(l -> l.getText().trim().equals(option)).findFirst()
          .orElseThrow(() -> new AssertionError("no option " + option + " in " + label)));
    }
    return this;
  }

  /** Tasklist's fixed footer covers the bottom of a long form: bring the element to the middle first. */
  private void clickInView(WebElement element) {
    browser.script("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  /**
   * Sets an input's value with the element's own value setter (Preact compares against it) and fires the events
   * a typed and committed entry fires.
   */
  private static final String COMMIT_TEXT = "const el = arguments[0];"
      + "const proto = el.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;"
      + "Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, arguments[1]);"
      + "el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: arguments[1] }));"
      + "el.dispatchEvent(new Event('change', { bubbles: true }));";

  /** Picks an option of a select (by its shown label) or of a radio group. */
  public CamundaForm choose(String label, String option) {
    WebElement field = field(label);
    if (field.getAttribute("class").contains("fjs-form-field-select")) {
      clickInView(field.findElement(By.cssSelector(".fjs-input-group")));
      clickInView(browser.until(d -> field.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
          .filter(item -> item.getText().trim().equals(option)).findFirst().orElse(null)));
    } else {
      clickInView(field.findElements(By.cssSelector("label")).stream().skip(1)
          .filter(l -> l.getText().trim().equals(option)).findFirst()
          .orElseThrow(() -> new AssertionError("no option " + option + " in " + label)));
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
