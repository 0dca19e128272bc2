package cn.ronghe.property;

import cn.ronghe.property.PropertyRecords.Company;
import cn.ronghe.property.PropertyRecords.Compound;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Fresh companies and compounds for tests (tests share one database: never reuse one across tests). */
public final class PropertyTestSupport {

  private PropertyTestSupport() {
  }

  /** A new company serving one new compound (XQ9xxx) of the community. */
  public static synchronized Compound compound(PropertyRepository repository, JdbcClient jdbc, String community) {
    int n = jdbc.sql("SELECT COUNT(*) FROM property_compound WHERE code LIKE 'XQ9%'").query(Integer.class).single()
        + 9000;
    String company = "PT" + n;
    repository.insertCompany(new Company(company, "测试" + n + "物业服务有限公司", String.format("91320585TEST%06d", n),
        "测试经理", "0512-5300" + n, null, null, true, true));
    String code = "XQ" + n;
    repository.insertCompound(code, "测试" + n + "花园", community, "太仓市测试路 " + n + " 号", 300, company,
        LocalDate.of(2020, 1, 1), true);
    return repository.compound(code).orElseThrow();
  }
}
