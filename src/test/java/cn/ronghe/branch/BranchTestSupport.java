package cn.ronghe.branch;

import java.time.LocalDate;

/** Fresh party branches for tests (tests share one database: never reuse a branch across tests). */
public final class BranchTestSupport {

  private BranchTestSupport() {
  }

  public static synchronized PartyBranch branch(BranchRepository repository, String community, String kind, Integer stars,
      Integer starsYear) {
    String code = String.format("PB%05d", repository.nextBranchNumber());
    PartyBranch b = new PartyBranch(code, "测试" + code + (PartyBranch.ACTION.equals(kind) ? "行动支部" : "党支部"),
        community, null, null, null, kind, PartyBranch.ACTION.equals(kind) ? "垃圾分类示范" : null, "测试书记", 12,
        LocalDate.of(2018, 7, 1), stars, starsYear, stars == null ? null : LocalDate.of(2025, 3, 1), true, true);
    repository.insert(b);
    return repository.branch(code).orElseThrow();
  }
}
