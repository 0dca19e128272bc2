package cn.ronghe.cobuilding;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import cn.ronghe.platform.notification.Notifier;
import cn.ronghe.support.Forms;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Publishing demand and resource items (REST and Tasklist form), matching, withdrawal and exports. */
@RongheSpringTest
public class ListItemTest {

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  Notifier notifier;

  public static Map<String, Object> demand(String title) {
    Map<String, Object> d = new HashMap<>();
    d.put("category", "LEGAL");
    d.put("title", title);
    d.put("description", "辖区老旧小区物业纠纷多，居民希望有律师定期坐班答疑，帮助调解邻里和物业矛盾。");
    d.put("beneficiaries", "辖区居民");
    d.put("beneficiaryCount", 300);
    d.put("periodFrom", LocalDate.now().toString());
    d.put("periodTo", LocalDate.now().plusMonths(6).toString());
    d.put("contactName", "王芳");
    return d;
  }

  static Map<String, Object> resource(String title, String scope) {
    Map<String, Object> r = new HashMap<>();
    r.put("category", "LEGAL");
    r.put("title", title);
    r.put("offering", "选派法务人员每月到社区坐班一次，提供法律咨询和合同审查。");
    r.put("capacity", "每月 1 次，每次 40 人");
    r.put("capacityCount", 480);
    r.put("serviceScope", scope);
    r.put("periodFrom", LocalDate.now().minusMonths(1).toString());
    r.put("periodTo", LocalDate.now().plusYears(1).toString());
    r.put("contactName", "张伟");
    return r;
  }

  @Test
  void aPairedUnitsResourceIsSuggestedFirstWithItsReasons() {
    RestClient.Response res = RestClient.as(port, "nonghang").post("/api/cobuilding/resources",
        Forms.json(resource("法律咨询进社区（测试）", "PAIRED")));
    assertThat(res.status()).as(res.body()).isEqualTo(201);
    String resourceNo = res.json().get("itemNo").asText();
    assertThat(resourceNo).startsWith("ZY-");

    RestClient.Response dem = RestClient.as(port, "dongcang").post("/api/cobuilding/demands",
        Forms.json(demand("物业纠纷法律咨询（测试）")));
    assertThat(dem.status()).as(dem.body()).isEqualTo(201);
    JsonNode item = dem.json();
    assertThat(item.get("status").asText()).isEqualTo("OPEN");
    assertThat(item.get("statusLabel").asText()).isEqualTo("待认领");
    assertThat(item.get("communityName").asText()).isEqualTo("东仓社区");
    assertThat(item.get("streetCode").asText()).isEqualTo("loudong");

    JsonNode matches = RestClient.as(port, "dongcang").get("/api/cobuilding/demands/" + item.get("itemNo").asText()
        + "/matches").json();
    JsonNode first = matches.get(0);
    assertThat(first.get("itemNo").asText()).isEqualTo(resourceNo);
    assertThat(first.get("score").asInt()).isEqualTo(100);
    assertThat(first.get("explanation").asText()).contains("类别一致（法律服务）", "中国农业银行太仓分行与东仓社区结对",
        "满足受益 300 人");
    assertThat(notifier.forCase(item.get("itemNo").asText()))
        .anySatisfy(n -> assertThat(n.recipientGroup()).isEqualTo("unit-u109"));

    // A unit paired elsewhere with a PAIRED-only resource never reaches 东仓社区.
    RestClient.Response other = RestClient.as(port, "admin").post("/api/cobuilding/resources",
        Forms.json(withOwner(resource("法律咨询（仅结对社区）", "PAIRED"), "u001")));
    assertThat(other.status()).as(other.body()).isEqualTo(201);
    JsonNode again = RestClient.as(port, "dongcang").get("/api/cobuilding/demands/" + item.get("itemNo").asText()
        + "/matches").json();
    assertThat(again.findValuesAsText("itemNo")).doesNotContain(other.json().get("itemNo").asText());
  }

  @Test
  void theTasklistStartFormPublishesAndBadInputIsRefusedWithNothingStored() {
    int before = count();
    Map<String, Object> bad = demand("");
    bad.put("itemType", "DEMAND");
    bad.put("periodTo", LocalDate.now().minusMonths(2).toString());
    bad.put("beneficiaryCount", 0);
    RestClient.Response r = Forms.start(RestClient.as(port, "dongcang"), "co-building-list-item", bad);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("标题为必填项", "受益人数须在 1 到 100000 之间", "结束日期不能早于开始日期");
    assertThat(count()).isEqualTo(before);

    Map<String, Object> good = demand("小区楼道堆物清理（表单）");
    good.put("itemType", "DEMAND");
    RestClient.Response ok = Forms.start(RestClient.as(port, "dongcang"), "co-building-list-item", good);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(count()).isEqualTo(before + 1);
  }

  @Test
  void onlyACommunityPublishesDemandsAndOnlyAUnitResources() {
    RestClient.Response unitDemand = RestClient.as(port, "nonghang").post("/api/cobuilding/demands",
        Forms.json(demand("单位不能发布需求")));
    assertThat(unitDemand.status()).isEqualTo(400);
    assertThat(unitDemand.json().get("messageZh").asText()).contains("只有社区的工作人员");
    RestClient.Response communityResource = RestClient.as(port, "dongcang").post("/api/cobuilding/resources",
        Forms.json(resource("社区不能发布资源", "CITY")));
    assertThat(communityResource.status()).isEqualTo(400);
    RestClient.Response forOther = RestClient.as(port, "dongcang").post("/api/cobuilding/demands",
        Forms.json(withOwner(demand("替别的社区发布"), "nanyuan")));
    assertThat(forOther.status()).isEqualTo(400);
    assertThat(forOther.json().get("messageEn").asText()).contains("not a member of community nanyuan");
    RestClient.Response nested = RestClient.as(port, "dongcang").post("/api/cobuilding/demands",
        "{\"title\":{\"x\":1}}");
    assertThat(nested.status()).isEqualTo(400);
  }

  @Test
  void anOpenDemandCanBeWithdrawnOnceByItsCommunity() {
    String itemNo = RestClient.as(port, "dongcang").post("/api/cobuilding/demands", Forms.json(demand("待撤回的需求")))
        .json().get("itemNo").asText();
    assertThat(RestClient.as(port, "nanyuan").post("/api/cobuilding/demands/" + itemNo + "/withdraw",
        "{\"reason\":\"不是我们的需求\"}").status()).isEqualTo(403);
    assertThat(RestClient.as(port, "dongcang").post("/api/cobuilding/demands/" + itemNo + "/withdraw",
        "{\"reason\":\"短\"}").status()).isEqualTo(400);
    RestClient.Response ok = RestClient.as(port, "dongcang").post("/api/cobuilding/demands/" + itemNo + "/withdraw",
        "{\"reason\":\"居民需求已由物业解决\"}");
    assertThat(ok.json().get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(RestClient.as(port, "dongcang").post("/api/cobuilding/demands/" + itemNo + "/withdraw",
        "{\"reason\":\"居民需求已由物业解决\"}").status()).isEqualTo(409);
    JsonNode history = RestClient.as(port, "dongcang").get("/api/cobuilding/demands/" + itemNo).json().get("history");
    assertThat(history.findValuesAsText("action")).containsExactly("PUBLISHED", "WITHDRAWN");
  }

  @Test
  void listsAreExportedPerCommunityAndStreetAsExcelReadableCsv() {
    RestClient.as(port, "dongcang").post("/api/cobuilding/demands", Forms.json(demand("导出测试，含\"引号\",逗号")));
    RestClient.Response csv = RestClient.as(port, "loudong").get("/api/cobuilding/export/demands.csv?community=dongcang");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).startsWith("\uFEFF编号,社区,镇街,类别");
    assertThat(csv.body()).contains("\"导出测试，含\"\"引号\"\",逗号\"").doesNotContain("南园社区");
    assertThat(RestClient.as(port, "loudong").get("/api/cobuilding/export/demands.csv?street=loudong").body())
        .contains("东仓社区").doesNotContain("城厢镇");
    assertThat(RestClient.as(port, "loudong").get("/api/cobuilding/export/resources.csv?street=loudong").status())
        .isEqualTo(200);
    assertThat(RestClient.as(port, "loudong").get("/api/cobuilding/export/projects.csv?street=loudong").body())
        .startsWith("\uFEFF编号,方式");
  }

  private int count() {
    return jdbc.sql("SELECT COUNT(*) FROM cb_demand").query(Integer.class).single();
  }

  private static Map<String, Object> withOwner(Map<String, Object> item, String owner) {
    item.put("ownerCode", owner);
    return item;
  }

  static List<String> keys(JsonNode array, String field) {
    return array.findValuesAsText(field);
  }
}
