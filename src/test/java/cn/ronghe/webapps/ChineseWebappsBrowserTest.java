package cn.ronghe.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.browser.Browser;
import cn.ronghe.browser.BrowserTest;
import cn.ronghe.browser.Header;
import cn.ronghe.browser.LoginPage;
import cn.ronghe.browser.Tasklist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

/**
 * The webapps open in Chinese with the product's name and without Camunda's Camunda 8 banner, although the
 * headless browser asks for English (Chromium's default language is en-US); English stays one click away.
 */
@BrowserTest
class ChineseWebappsBrowserTest {

  @Test
  void tasklistLoginAndInboxAreChineseWithTheProductName(Browser browser) {
    LoginPage login = LoginPage.open(browser, "tasklist");
    assertThat(login.appName()).isEqualTo("任务中心");
    assertThat(login.usernamePlaceholder()).isEqualTo("用户名");
    assertThat(login.passwordPlaceholder()).isEqualTo("密码");
    assertThat(login.signInLabel()).isEqualTo("登录");
    assertThat(login.languageSwitch()).isEqualTo("English");
    assertThat(browser.script("return document.documentElement.lang")).isEqualTo("zh-CN");

    login.signInAs("dongcang");
    Tasklist tasklist = Tasklist.current(browser);
    assertThat(tasklist.header().brand()).isEqualTo("融合 · 太仓社区治理 任务中心");
    assertThat(browser.driver().getTitle()).isEqualTo("融合 · 太仓社区治理 任务中心");
    assertThat(tasklist.header().camunda8BannerVisible()).isFalse();
    assertThat(tasklist.header().actions()).contains("键盘快捷键", "发起流程").doesNotContain("新建任务", "Start process");
    assertThat(browser.withText(By.cssSelector(".task-details, .column-right"), "请在列表中选择一个任务").getText())
        .doesNotContain("Select a task");
    assertThat(browser.visible(By.cssSelector("#footer-timezone")).getText()).startsWith("日期和时间按本地时区显示");
  }

  @ParameterizedTest
  @CsvSource({"cockpit, 流程监控", "admin, 系统管理", "welcome, 首页"})
  void theOtherWebappsGreetInChineseToo(String app, String name, Browser browser) {
    LoginPage login = LoginPage.open(browser, app);
    assertThat(login.appName()).isEqualTo(name);
    assertThat(login.signInLabel()).isEqualTo("登录");
    login.signInAs("admin");
    assertThat(Header.of(browser).brand()).isEqualTo("融合 · 太仓社区治理 " + name);
    assertThat(Header.of(browser).camunda8BannerVisible()).isFalse();
  }

  @Test
  void englishIsOneClickAwayAndTheChoiceIsKept(Browser browser) {
    LoginPage login = LoginPage.open(browser, "tasklist").switchLanguage();
    assertThat(login.signInLabel()).isEqualTo("Log in");
    assertThat(login.usernamePlaceholder()).isEqualTo("Username");
    assertThat(login.languageSwitch()).isEqualTo("中文");

    LoginPage cockpit = LoginPage.open(browser, "cockpit");
    assertThat(cockpit.signInLabel()).as("the choice holds for every webapp").isEqualTo("Log in");
    assertThat(cockpit.switchLanguage().signInLabel()).isEqualTo("登录");
  }
}
