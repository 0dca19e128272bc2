package cn.ronghe.property;

import cn.ronghe.property.PropertyRecords.Company;
import cn.ronghe.property.PropertyRecords.Compound;
import cn.ronghe.property.PropertyRecords.CreditEntry;
import cn.ronghe.property.PropertyRecords.ListEntry;
import cn.ronghe.property.PropertyRecords.Rating;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables property_company, property_compound, property_credit_entry, property_rating*, property_list_entry. */
@Repository
public class PropertyRepository {

  private static final String COMPANY = "SELECT code, name, credit_code, manager, phone, current_grade, current_score, "
      + "active, sample_data FROM property_company ";
  private static final String COMPOUND = "SELECT x.code, x.name, x.community_code, c.name, c.street_code, x.address, "
      + "x.households, x.company_code, p.name, x.served_since, x.sample_data FROM property_compound x "
      + "JOIN org_community c ON c.code = x.community_code LEFT JOIN property_company p ON p.code = x.company_code ";
  private static final String ENTRY = "SELECT e.id, e.case_no, e.company_code, e.compound_code, x.name, e.category, "
      + "e.category_label, e.kind, e.points, e.forces_black, e.occurred_on, e.evidence, e.recorder_org, e.recorded_by, "
      + "e.status, e.status_note FROM property_credit_entry e LEFT JOIN property_compound x ON x.code = e.compound_code ";
  private static final String RATING = "SELECT r.id, r.cycle_no, r.company_code, p.name, r.base_score, "
      + "r.positive_points, r.negative_points, r.entry_count, r.score, r.grade, r.list_kind, r.explanation, r.stage, "
      + "r.stage_note, r.rule_version FROM property_rating r JOIN property_company p ON p.code = r.company_code ";

  private final JdbcClient jdbc;

  PropertyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---- registry ----

  public List<Company> companies() {
    return jdbc.sql(COMPANY + "WHERE active ORDER BY code").query(PropertyRepository::company).list();
  }

  public Optional<Company> company(String code) {
    return jdbc.sql(COMPANY + "WHERE code = :c").param("c", code).query(PropertyRepository::company).optional();
  }

  public void insertCompany(Company c) {
    jdbc.sql("INSERT INTO property_company (code, name, credit_code, manager, phone, active, sample_data) "
            + "VALUES (:code, :name, :cc, :m, :p, :a, :s)").param("code", c.code()).param("name", c.name())
        .param("cc", c.creditCode()).param("m", c.manager()).param("p", c.phone()).param("a", c.active())
        .param("s", c.sampleData()).update();
  }

  public int count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
  }

  public List<Compound> compounds(String communityCode, String companyCode) {
    StringBuilder sql = new StringBuilder(COMPOUND + "WHERE 1 = 1");
    if (communityCode != null) {
      sql.append(" AND x.community_code = :c");
    }
    if (companyCode != null) {
      sql.append(" AND x.company_code = :p");
    }
    var spec = jdbc.sql(sql.append(" ORDER BY x.code").toString());
    spec = communityCode != null ? spec.param("c", communityCode) : spec;
    spec = companyCode != null ? spec.param("p", companyCode) : spec;
    return spec.query(PropertyRepository::compound).list();
  }

  public Optional<Compound> compound(String code) {
    return jdbc.sql(COMPOUND + "WHERE x.code = :c").param("c", code).query(PropertyRepository::compound).optional();
  }

  public void insertCompound(String code, String name, String community, String address, int households,
      String company, LocalDate since, boolean sample) {
    jdbc.sql("INSERT INTO property_compound (code, name, community_code, address, households, company_code, "
            + "served_since, sample_data) VALUES (:code, :name, :c, :a, :h, :p, :s, :sample)")
        .param("code", code).param("name", name).param("c", community).param("a", address).param("h", households)
        .param("p", company).param("s", since).param("sample", sample).update();
  }

  // ---- entries ----

  long insertEntry(String caseNo, String company, String compound, CreditRules.Category category, LocalDate occurred,
      String evidence, String recorderOrg, String by, LocalDateTime at, String ruleVersion) {
    jdbc.sql("INSERT INTO property_credit_entry (case_no, company_code, compound_code, category, category_label, kind, "
            + "points, forces_black, occurred_on, evidence, recorder_org, recorded_by, recorded_at, status, rule_version) "
            + "VALUES (:n, :p, :x, :c, :l, :k, :pt, :fb, :o, :e, :org, :by, :at, 'PENDING', :v)")
        .param("n", caseNo).param("p", company).param("x", compound).param("c", category.code())
        .param("l", category.label()).param("k", category.kind()).param("pt", category.points())
        .param("fb", category.forcesBlack()).param("o", occurred).param("e", evidence).param("org", recorderOrg)
        .param("by", by).param("at", at).param("v", ruleVersion).update();
    return jdbc.sql("SELECT id FROM property_credit_entry WHERE case_no = :n").param("n", caseNo).query(Long.class)
        .single();
  }

  public Optional<CreditEntry> entry(String caseNo) {
    return jdbc.sql(ENTRY + "WHERE e.case_no = :n").param("n", caseNo).query(PropertyRepository::entry).optional();
  }

  /** Moves an entry between statuses; false when it was not at {@code from} (a repeat does nothing). */
  boolean setEntryStatus(String caseNo, String from, String to, String note) {
    return jdbc.sql("UPDATE property_credit_entry SET status = :to, status_note = COALESCE(:n, status_note) "
        + "WHERE case_no = :c AND status = :from").param("to", to).param("n", note).param("c", caseNo)
        .param("from", from).update() == 1;
  }

  /** Entries of the company that count: verified, occurred in [from, to]. */
  public List<CreditEntry> entries(String company, LocalDate from, LocalDate to, boolean countingOnly) {
    String status = countingOnly ? " AND e.status = 'VERIFIED'" : "";
    return jdbc.sql(ENTRY + "WHERE e.company_code = :p AND e.occurred_on >= :f AND e.occurred_on <= :t" + status
            + " ORDER BY e.occurred_on, e.id")
        .param("p", company).param("f", from).param("t", to).query(PropertyRepository::entry).list();
  }

  public Optional<CreditEntry> entry(long id) {
    return jdbc.sql(ENTRY + "WHERE e.id = :id").param("id", id).query(PropertyRepository::entry).optional();
  }

  boolean revokeEntry(long id, String note) {
    return jdbc.sql("UPDATE property_credit_entry SET status = 'REVOKED', status_note = :n WHERE id = :id "
        + "AND status = 'VERIFIED'").param("n", note).param("id", id).update() == 1;
  }

  // ---- ratings ----

  void insertCycle(String cycleNo, LocalDate from, LocalDate to, String by, LocalDateTime at, String pid) {
    jdbc.sql("INSERT INTO property_rating_cycle (cycle_no, period_from, period_to, status, process_instance_id, "
            + "started_by, started_at) VALUES (:c, :f, :t, 'REVIEW', :p, :by, :at)")
        .param("c", cycleNo).param("f", from).param("t", to).param("p", pid).param("by", by).param("at", at).update();
  }

  void setCycle(String cycleNo, String status, String noticeNo, LocalDate publishedOn, LocalDate expiresOn) {
    jdbc.sql("UPDATE property_rating_cycle SET status = :s, notice_no = COALESCE(:n, notice_no), "
            + "published_on = COALESCE(:p, published_on), expires_on = COALESCE(:e, expires_on) WHERE cycle_no = :c")
        .param("s", status).param("n", noticeNo).param("p", publishedOn).param("e", expiresOn).param("c", cycleNo)
        .update();
  }

  public Optional<Map<String, Object>> cycle(String cycleNo) {
    return jdbc.sql("SELECT cycle_no, period_from, period_to, status, notice_no, published_on, expires_on, started_by "
        + "FROM property_rating_cycle WHERE cycle_no = :c").param("c", cycleNo).query((rs, i) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("cycleNo", rs.getString(1));
          m.put("periodFrom", rs.getDate(2).toLocalDate());
          m.put("periodTo", rs.getDate(3).toLocalDate());
          m.put("status", rs.getString(4));
          m.put("noticeNo", rs.getString(5));
          m.put("publishedOn", rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate());
          m.put("expiresOn", rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate());
          m.put("startedBy", rs.getString(8));
          return m;
        }).optional();
  }

  /** Cycles still before publication: a second rating must wait. */
  List<String> openCycles() {
    return jdbc.sql("SELECT cycle_no FROM property_rating_cycle WHERE status IN ('REVIEW', 'NOTICE')")
        .query(String.class).list();
  }

  void deleteRatings(String cycleNo) {
    jdbc.sql("DELETE FROM property_rating WHERE cycle_no = :c AND stage = 'COMPUTED'").param("c", cycleNo).update();
  }

  void insertRating(String cycleNo, String company, CreditRules.Result r, int entries, String explanation,
      String version) {
    jdbc.sql("INSERT INTO property_rating (cycle_no, company_code, base_score, positive_points, negative_points, "
            + "entry_count, score, grade, list_kind, explanation, stage, rule_version) "
            + "VALUES (:c, :p, :b, :pos, :neg, :n, :s, :g, :l, :e, 'COMPUTED', :v)")
        .param("c", cycleNo).param("p", company).param("b", r.base()).param("pos", r.positive())
        .param("neg", r.negative()).param("n", entries).param("s", r.score()).param("g", r.grade())
        .param("l", r.listKind()).param("e", explanation.length() > 1000 ? explanation.substring(0, 1000) : explanation)
        .param("v", version).update();
  }

  public List<Rating> ratings(String cycleNo, List<String> stages) {
    String where = stages == null ? "" : " AND r.stage IN (:s)";
    var spec = jdbc.sql(RATING + "WHERE r.cycle_no = :c" + where + " ORDER BY r.score DESC, r.company_code")
        .param("c", cycleNo);
    return (stages == null ? spec : spec.param("s", stages)).query(PropertyRepository::rating).list();
  }

  public Optional<Rating> rating(long id) {
    return jdbc.sql(RATING + "WHERE r.id = :id").param("id", id).query(PropertyRepository::rating).optional();
  }

  boolean move(long id, String from, String to, String note) {
    return jdbc.sql("UPDATE property_rating SET stage = :to, stage_note = COALESCE(:n, stage_note) WHERE id = :id "
        + "AND stage = :from").param("to", to).param("n", note).param("id", id).param("from", from).update() == 1;
  }

  int countStages(String cycleNo, List<String> stages) {
    return jdbc.sql("SELECT COUNT(*) FROM property_rating WHERE cycle_no = :c AND stage IN (:s)").param("c", cycleNo)
        .param("s", stages).query(Integer.class).single();
  }

  void setCompanyGrade(String company, String grade, BigDecimal score) {
    jdbc.sql("UPDATE property_company SET current_grade = :g, current_score = :s WHERE code = :c").param("g", grade)
        .param("s", score).param("c", company).update();
  }

  // ---- lists ----

  /** Ends every current list entry of older cycles (the new lists replace them); returns how many. */
  int supersede(String cycleNo, LocalDate on) {
    return jdbc.sql("UPDATE property_list_entry SET status = 'SUPERSEDED', ended_on = :d WHERE status = 'CURRENT' "
        + "AND cycle_no <> :c").param("d", on).param("c", cycleNo).update();
  }

  boolean listed(String cycleNo, String company) {
    return jdbc.sql("SELECT COUNT(*) FROM property_list_entry WHERE cycle_no = :c AND company_code = :p")
        .param("c", cycleNo).param("p", company).query(Integer.class).single() > 0;
  }

  void insertListEntry(String company, String kind, String grade, BigDecimal score, String cycleNo, LocalDate on,
      LocalDate expires) {
    jdbc.sql("INSERT INTO property_list_entry (company_code, list_kind, grade, score, cycle_no, listed_on, expires_on, "
            + "status) VALUES (:p, :k, :g, :s, :c, :on, :ex, 'CURRENT')").param("p", company).param("k", kind)
        .param("g", grade).param("s", score).param("c", cycleNo).param("on", on).param("ex", expires).update();
  }

  int expire(String cycleNo, LocalDate on) {
    return jdbc.sql("UPDATE property_list_entry SET status = 'EXPIRED', ended_on = :d WHERE status = 'CURRENT' "
        + "AND cycle_no = :c").param("d", on).param("c", cycleNo).update();
  }

  /** The current red or black list (kind null: both), best score first on the red list, worst first on the black. */
  public List<ListEntry> currentList(String kind) {
    String where = kind == null ? "" : " AND l.list_kind = :k";
    var spec = jdbc.sql("SELECT l.id, l.company_code, p.name, p.credit_code, l.list_kind, l.grade, l.score, l.cycle_no, "
        + "l.listed_on, l.expires_on, l.status FROM property_list_entry l JOIN property_company p "
        + "ON p.code = l.company_code WHERE l.status = 'CURRENT'" + where
        + " ORDER BY l.list_kind DESC, CASE WHEN l.list_kind = 'RED' THEN -l.score ELSE l.score END, p.code");
    spec = kind == null ? spec : spec.param("k", kind);
    return spec.query((rs, i) -> new ListEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getString(8), rs.getDate(9).toLocalDate(),
        rs.getDate(10).toLocalDate(), rs.getString(11), compoundNames(rs.getString(2)))).list();
  }

  private String compoundNames(String company) {
    return String.join("、", jdbc.sql("SELECT x.name || '（' || c.name || '）' FROM property_compound x JOIN "
        + "org_community c ON c.code = x.community_code WHERE x.company_code = :p ORDER BY x.code").param("p", company)
        .query(String.class).list());
  }

  private static Company company(ResultSet rs, int i) throws SQLException {
    return new Company(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getBigDecimal(7), rs.getBoolean(8), rs.getBoolean(9));
  }

  private static Compound compound(ResultSet rs, int i) throws SQLException {
    return new Compound(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9),
        rs.getDate(10) == null ? null : rs.getDate(10).toLocalDate(), rs.getBoolean(11));
  }

  private static CreditEntry entry(ResultSet rs, int i) throws SQLException {
    return new CreditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getBigDecimal(9), rs.getBoolean(10),
        rs.getDate(11).toLocalDate(), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
        rs.getString(16));
  }

  private static Rating rating(ResultSet rs, int i) throws SQLException {
    return new Rating(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
        rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getInt(8), rs.getBigDecimal(9), rs.getString(10),
        rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15));
  }
}
