package cn.ronghe.admission.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The catalogue through the JSON API (logged in) and the public pages (anonymous). */
@RongheSpringTest
class CatalogueApiTest {

  @LocalServerPort
  int port;
  @Autowired
  CatalogueService catalogue;

  @Test
  void theFirstVersionHoldsTheFiftyEightSampleItems() {
    JsonNode v1 = RestClient.as(port, "dongcang").get("/api/catalogue/versions/1").json();
    assertThat(v1.path("version").path("changeKind").asText()).isEqualTo("INITIAL");
    JsonNode items = v1.path("items");
    assertThat(items).hasSize(58);
    long byLaw = 0;
    for (JsonNode i : items) {
      assertThat(i.path("sampleData").asBoolean()).isTrue();
      assertThat(i.path("departmentName").asText()).isNotBlank();
      byLaw += "BY_LAW".equals(i.path("listType").asText()) ? 1 : 0;
    }
    assertThat(byLaw).isEqualTo(16);
  }

  @Test
  void thePublicPageListsTheCurrentVersionWithoutLogin() {
    RestClient.Response page = RestClient.anonymous(port).get("/public/catalogue");
    assertThat(page.status()).isEqualTo(200);
    int current = catalogue.currentOrFail().versionNo();
    assertThat(page.body()).contains("社区事项准入清单", "第 " + current + " 版", "社区依法履行职责事项",
        "社区协助政府工作事项", "/public/catalogue/items/YF-01", "组织召开居民会议和居民代表会议", "示例");
    assertThat(page.body()).doesNotContain("<script");

    RestClient.Response item = RestClient.anonymous(port).get("/public/catalogue/items/XZ-07?version=1");
    assertThat(item.status()).isEqualTo(200);
    assertThat(item.body()).contains("协助最低生活保障受理初审和入户调查", "市民政局", "《社会救助暂行办法》");
    assertThat(RestClient.anonymous(port).get("/public/catalogue?version=1").body()).contains("第 1 版");
  }

  @Test
  void unknownVersionsAndItemsGiveA404PageNotAnError() {
    RestClient anonymous = RestClient.anonymous(port);
    assertThat(anonymous.get("/public/catalogue?version=9999").status()).isEqualTo(404);
    assertThat(anonymous.get("/public/catalogue?version=abc").status()).isEqualTo(404);
    RestClient.Response missing = anonymous.get("/public/catalogue/items/XZ-999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).contains("未找到清单事项 XZ-999");
    assertThat(anonymous.get("/public/catalogue/diff?from=1").status()).isEqualTo(404);
    assertThat(RestClient.as(port, "admin").get("/api/catalogue/versions/9999").status()).isEqualTo(404);
    assertThat(RestClient.as(port, "admin").get("/api/catalogue/diff?from=x&to=1").status()).isEqualTo(400);
  }

  @Test
  void theApiNeedsALoginButThePublicPagesDoNot() {
    assertThat(RestClient.anonymous(port).get("/api/catalogue").status()).isEqualTo(401);
    assertThat(RestClient.anonymous(port).get("/public/catalogue.csv").status()).isEqualTo(200);
  }

  @Test
  void theCsvDownloadIsUtf8WithAByteOrderMark() {
    RestClient.Response csv = RestClient.anonymous(port).get("/public/catalogue.csv?version=1");
    assertThat(csv.body()).startsWith("\uFEFF清单类型,编号,事项名称");
    assertThat(csv.body().lines().count()).isEqualTo(59);
    assertThat(csv.body()).contains("YF-04,开展人民调解化解民间纠纷,市司法局");
    assertThat(RestClient.as(port, "zuzhibu").get("/api/catalogue/export.csv?version=1").body())
        .isEqualTo(csv.body());
  }

  @Test
  void aPublicationIsOnceOnlyAndTheDiffShowsItFieldByField() {
    String token = UUID.randomUUID().toString().substring(0, 8);
    String caseNo = "TEST-" + token;
    CatalogueItem old = catalogue.currentItems().stream().filter(i -> i.code().equals("XZ-16")).findFirst()
        .orElseThrow();
    CatalogueItem changed = new CatalogueItem(old.code(), old.name(), old.listType(), old.departmentCode(),
        old.legalBasis(), old.content(), Frequency.QUARTERLY, old.workloadHours(), old.funding().add(BigDecimal.TEN),
        old.addsSignboard(), old.addsLedger(), old.addsCertificate(), old.admittedBy(), old.effectiveDate(),
        old.scopeStreets(), old.sampleData());
    CatalogueItem added = new CatalogueItem(null, "测试事项" + token, ListType.ASSISTANCE, "health",
        null, "测试", Frequency.YEARLY, 8, BigDecimal.valueOf(1000), false, false, false, caseNo,
        LocalDate.of(2027, 3, 1), List.of("loudong"), false);
    Publication p = new Publication(caseNo, ChangeKind.ADMISSION, "test", List.of(added), List.of(changed), Set.of(),
        null);
    CatalogueVersion first = catalogue.publish(p);
    CatalogueVersion again = catalogue.publish(p);
    assertThat(again).isEqualTo(first);
    assertThat(catalogue.versions().stream().filter(v -> caseNo.equals(v.sourceCaseNo()))).hasSize(1);

    JsonNode diff = RestClient.as(port, "dongcang")
        .get("/api/catalogue/diff?from=" + (first.versionNo() - 1) + "&to=" + first.versionNo()).json();
    assertThat(diff.path("added")).hasSize(1);
    String code = diff.path("added").get(0).path("code").asText();
    assertThat(code).startsWith("XZ-");
    assertThat(diff.path("removed")).isEmpty();
    JsonNode fields = diff.path("changed").get(0).path("fields");
    assertThat(fields).extracting(f -> f.path("field").asText()).containsExactlyInAnyOrder("frequency", "funding");
    assertThat(first.summary()).contains("新增 " + code, "变更 XZ-16");

    RestClient.Response page = RestClient.anonymous(port).get("/public/catalogue/items/" + code);
    assertThat(page.body()).contains(added.name(), "娄东街道的社区", caseNo);
  }
}
