package cn.ronghe.career.view;

import cn.ronghe.career.GradeAction;
import cn.ronghe.career.Post;
import cn.ronghe.career.review.ReviewStage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Grade distribution by post and the changes of the last review, for a community, a street or the city: the
 * numbers a street committee or civil affairs looks at (a page or chart can be built on them).
 */
@Service
class CareerViews {

  record PostDistribution(String post, String postLabel, int workers, Map<Integer, Integer> grades) {
  }

  record Change(String workerId, String name, String community, String post, int fromGrade, Integer toGrade,
      String proposal, String proposalLabel, String stage, String stageLabel, LocalDate effectiveDate,
      String noticeNo, String caseNo) {
  }

  record LastReview(int reviewYear, List<String> cycles, int reviewed, Map<String, Integer> proposals,
      Map<String, Integer> stages, List<Change> changes) {
  }

  record View(String scope, String code, String name, int activeWorkers, List<PostDistribution> byPost,
      LastReview lastReview) {
  }

  private final JdbcClient jdbc;

  CareerViews(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** @param scope CITY, STREET or COMMUNITY; {@code code} names the street or community */
  View view(String scope, String code, String name) {
    String workerWhere = switch (scope) {
      case "COMMUNITY" -> " AND w.community_code = :code";
      case "STREET" -> " AND c.street_code = :code";
      default -> "";
    };
    Map<Post, Map<Integer, Integer>> dist = new LinkedHashMap<>();
    for (Post p : Post.values()) {
      dist.put(p, new TreeMap<>());
    }
    var spec = jdbc.sql("SELECT w.post, w.grade, COUNT(*) FROM career_worker w JOIN org_community c ON "
        + "c.code = w.community_code WHERE w.status = 'ACTIVE'" + workerWhere + " GROUP BY w.post, w.grade");
    if (!workerWhere.isEmpty()) {
      spec = spec.param("code", code);
    }
    spec.query((rs, i) -> dist.get(Post.valueOf(rs.getString(1))).put(rs.getInt(2), rs.getInt(3))).list();
    List<PostDistribution> byPost = new ArrayList<>();
    int total = 0;
    for (var e : dist.entrySet()) {
      int n = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
      total += n;
      byPost.add(new PostDistribution(e.getKey().name(), e.getKey().label(), n, e.getValue()));
    }
    return new View(scope, code, name, total, byPost, lastReview(scope, code));
  }

  private LastReview lastReview(String scope, String code) {
    String where = switch (scope) {
      case "COMMUNITY" -> " AND r.community_code = :code";
      case "STREET" -> " AND r.street_code = :code";
      default -> "";
    };
    var yearSpec = jdbc.sql("SELECT MAX(r.review_year) FROM career_review r WHERE 1 = 1" + where);
    if (!where.isEmpty()) {
      yearSpec = yearSpec.param("code", code);
    }
    Integer year = yearSpec.query(Integer.class).optional().orElse(null);
    if (year == null) {
      return null;
    }
    var rows = jdbc.sql("SELECT r.worker_id, w.name, c.name, r.post, r.grade_before, r.proposed_grade, r.proposal, "
        + "r.stage, r.effective_date, r.notice_no, r.case_no, r.cycle_no FROM career_review r JOIN career_worker w ON "
        + "w.worker_id = r.worker_id JOIN org_community c ON c.code = r.community_code WHERE r.review_year = :y" + where
        + " ORDER BY c.sort_order, r.worker_id").param("y", year);
    if (!where.isEmpty()) {
      rows = rows.param("code", code);
    }
    Map<String, Integer> proposals = new LinkedHashMap<>();
    Map<String, Integer> stages = new LinkedHashMap<>();
    List<String> cycles = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    int[] reviewed = {0};
    rows.query((rs, i) -> {
      reviewed[0]++;
      String proposal = rs.getString(7);
      ReviewStage stage = ReviewStage.valueOf(rs.getString(8));
      proposals.merge(proposal == null ? "PENDING" : proposal, 1, Integer::sum);
      stages.merge(stage.name(), 1, Integer::sum);
      if (!cycles.contains(rs.getString(12))) {
        cycles.add(rs.getString(12));
      }
      if (proposal != null && !GradeAction.HOLD.name().equals(proposal)) {
        changes.add(new Change(rs.getString(1), rs.getString(2), rs.getString(3), Post.valueOf(rs.getString(4)).label(),
            rs.getInt(5), (Integer) rs.getObject(6, Integer.class), proposal, GradeAction.valueOf(proposal).label(),
            stage.name(), stage.label(), rs.getDate(9) == null ? null : rs.getDate(9).toLocalDate(), rs.getString(10),
            rs.getString(11)));
      }
      return null;
    }).list();
    return new LastReview(year, cycles, reviewed[0], proposals, stages, changes);
  }
}
