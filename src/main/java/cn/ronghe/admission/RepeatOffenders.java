package cn.ronghe.admission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Departments that pushed unadmitted matters down to communities again and again (屡犯): at least
 * {@code threshold} verified pushes within the window. Pure, unit-tested.
 */
final class RepeatOffenders {

  /** One verified push of an unadmitted matter. */
  record Offence(String departmentCode, String caseNo, LocalDate demandedOn, String communityCode) {
  }

  record Offender(String departmentCode, int count, LocalDate first, LocalDate last, List<String> caseNos,
      List<String> communities) {
  }

  private RepeatOffenders() {
  }

  /** Offences before {@code from} do not count; the worst offender comes first. */
  static List<Offender> find(List<Offence> offences, LocalDate from, int threshold) {
    Map<String, List<Offence>> byDepartment = new LinkedHashMap<>();
    for (Offence o : offences) {
      if (!o.demandedOn().isBefore(from)) {
        byDepartment.computeIfAbsent(o.departmentCode(), k -> new ArrayList<>()).add(o);
      }
    }
    List<Offender> result = new ArrayList<>();
    byDepartment.forEach((dept, list) -> {
      if (list.size() >= threshold) {
        List<Offence> sorted = list.stream().sorted(Comparator.comparing(Offence::demandedOn)).toList();
        result.add(new Offender(dept, list.size(), sorted.get(0).demandedOn(),
            sorted.get(sorted.size() - 1).demandedOn(), sorted.stream().map(Offence::caseNo).toList(),
            sorted.stream().map(Offence::communityCode).distinct().toList()));
      }
    });
    result.sort(Comparator.comparingInt(Offender::count).reversed().thenComparing(Offender::departmentCode));
    return result;
  }
}
