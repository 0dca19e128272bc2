package cn.ronghe.career.registry;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Which workers a list shows; every part is optional. */
public record WorkerFilter(String streetCode, String communityCode, String post, String status) {

  String where() {
    List<String> parts = new ArrayList<>();
    if (streetCode != null) {
      parts.add("c.street_code = :street");
    }
    if (communityCode != null) {
      parts.add("w.community_code = :community");
    }
    if (post != null) {
      parts.add("w.post = :post");
    }
    if (status != null) {
      parts.add("w.status = :status");
    }
    return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
  }

  JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
    if (streetCode != null) {
      spec = spec.param("street", streetCode);
    }
    if (communityCode != null) {
      spec = spec.param("community", communityCode);
    }
    if (post != null) {
      spec = spec.param("post", post);
    }
    if (status != null) {
      spec = spec.param("status", status);
    }
    return spec;
  }
}
