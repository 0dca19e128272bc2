package cn.ronghe.cobuilding;

/** Status values of the three lists, with the Chinese label shown in exports and pages. */
public final class ItemStatus {

  /** 需求: open, claimed (agreement in negotiation), in a project, fulfilled, withdrawn. */
  public enum Demand {
    OPEN("待认领"), CLAIMED("已认领"), IN_PROJECT("实施中"), FULFILLED("已完成"), WITHDRAWN("已撤回");

    private final String label;

    Demand(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** 资源: a standing offer, open until withdrawn. */
  public enum Resource {
    OPEN("可认领"), WITHDRAWN("已撤回");

    private final String label;

    Resource(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** 项目. */
  public enum Project {
    NEGOTIATING("协议商定中"), IN_PROGRESS("实施中"), ACCEPTANCE("验收中"), CLOSED("已结项"), CANCELLED("已取消");

    private final String label;

    Project(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private ItemStatus() {
  }
}
