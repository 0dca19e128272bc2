package cn.ronghe.career.view;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ronghe.RestClient;
import cn.ronghe.RongheSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Grade distribution and last review changes per community, street and city, each seen by its own bodies. */
@RongheSpringTest
class CareerViewsTest {

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aCommunityViewAddsUpToItsRegistry() {
    JsonNode v = RestClient.as(port, "dongcang").get("/api/career/views/communities/dongcang").json();
    int active = jdbc.sql("SELECT COUNT(*) FROM career_worker WHERE community_code = 'dongcang' AND status = 'ACTIVE'")
        .query(Integer.class).single();
    assertThat(v.get("activeWorkers").asInt()).isEqualTo(active);
    int sum = 0;
    for (JsonNode post : v.get("byPost")) {
      int n = 0;
      for (JsonNode count : post.get("grades")) {
        n += count.asInt();
      }
      assertThat(post.get("workers").asInt()).isEqualTo(n);
      sum += n;
    }
    assertThat(sum).isEqualTo(active);
    JsonNode principal = v.get("byPost").get(0);
    assertThat(principal.get("post").asText()).isEqualTo("PRINCIPAL");
    assertThat(principal.get("postLabel").asText()).isEqualTo("社区正职");
    principal.get("grades").fieldNames().forEachRemaining(g -> assertThat(Integer.parseInt(g)).isBetween(7, 18));

    JsonNode last = v.get("lastReview");
    int year = jdbc.sql("SELECT MAX(review_year) FROM career_review WHERE community_code = 'dongcang'")
        .query(Integer.class).single();
    assertThat(last.get("reviewYear").asInt()).isEqualTo(year);
    int changes = jdbc.sql("SELECT COUNT(*) FROM career_review WHERE community_code = 'dongcang' AND review_year = :y "
        + "AND proposal IN ('PROMOTE', 'DEMOTE')").param("y", year).query(Integer.class).single();
    assertThat(last.get("changes")).hasSize(changes);
    last.get("changes").forEach(c -> assertThat(c.get("proposal").asText()).isIn("PROMOTE", "DEMOTE"));
  }

  @Test
  void streetsAndTheCitySeeTheirOwnViews() {
    JsonNode street = RestClient.as(port, "loudong").get("/api/career/views/streets/loudong").json();
    assertThat(street.get("name").asText()).isEqualTo("娄东街道");
    assertThat(street.get("activeWorkers").asInt()).isGreaterThan(100);
    assertThat(RestClient.as(port, "loudong").get("/api/career/views/streets/chengxiang").status()).isEqualTo(403);
    assertThat(RestClient.as(port, "dongcang").get("/api/career/views/communities/nanyuan").status()).isEqualTo(403);
    assertThat(RestClient.as(port, "loudong").get("/api/career/views/communities/nanyuan").status()).isEqualTo(200);
    assertThat(RestClient.as(port, "loudong").get("/api/career/views/city").status()).isEqualTo(403);
    JsonNode city = RestClient.as(port, "minzheng").get("/api/career/views/city").json();
    assertThat(city.get("activeWorkers").asInt()).isGreaterThan(street.get("activeWorkers").asInt());
    assertThat(RestClient.as(port, "minzheng").get("/api/career/views/streets/nowhere").status()).isEqualTo(404);
  }
}
