package cn.ronghe.property;

import cn.ronghe.platform.calendar.Deadlines;
import cn.ronghe.platform.error.RongheException;
import cn.ronghe.property.PropertyRecords.Company;
import cn.ronghe.property.PropertyRecords.Compound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Property companies, compounds, entries, ratings and the current red and black lists (for the dashboard). */
@RestController
@RequestMapping("/api/property")
@Tag(name = "物业红黑榜 Property credit", description = "物业服务企业、小区、信用记录、红黑榜")
class PropertyController {

  private final PropertyRepository repository;
  private final PropertyCredit credit;
  private final Deadlines clock;

  PropertyController(PropertyRepository repository, PropertyCredit credit, Deadlines clock) {
    this.repository = repository;
    this.credit = credit;
    this.clock = clock;
  }

  @GetMapping("/companies")
  @Operation(summary = "Active property companies with their current grade and score")
  List<Company> companies() {
    return repository.companies();
  }

  @GetMapping("/companies/{code}")
  @Operation(summary = "One company: compounds served and the entries that count now")
  Map<String, Object> company(@PathVariable String code) {
    Company c = repository.company(code).orElseThrow(() -> RongheException.notFound("物业服务企业", code));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("company", c);
    m.put("compounds", repository.compounds(null, code));
    m.put("entries", repository.entries(code, credit.windowStart(clock.today()), clock.today(), false));
    return m;
  }

  @GetMapping("/compounds")
  @Operation(summary = "Compounds, by community or company")
  List<Compound> compounds(@RequestParam(required = false) String community,
      @RequestParam(required = false) String company) {
    return repository.compounds(community, company);
  }

  @GetMapping("/credit/lists")
  @Operation(summary = "Dashboard: the current red and black lists")
  Map<String, Object> lists() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("red", repository.currentList("RED"));
    m.put("black", repository.currentList("BLACK"));
    return m;
  }

  @GetMapping("/ratings/{cycleNo}")
  @Operation(summary = "A credit rating and every company's score, grade and list")
  Map<String, Object> rating(@PathVariable String cycleNo) {
    Map<String, Object> m = new LinkedHashMap<>(repository.cycle(cycleNo)
        .orElseThrow(() -> RongheException.notFound("信用评定", cycleNo)));
    m.put("ratings", repository.ratings(cycleNo, null));
    return m;
  }
}
