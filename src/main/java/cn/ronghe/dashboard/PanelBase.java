package cn.ronghe.dashboard;

/** What every panel states about itself, so a panel class holds only its rule of scope and its figures. */
public abstract class PanelBase implements DashboardPanel {

  private final String id;
  private final String title;
  private final String section;
  private final int order;

  protected PanelBase(String id, String title, String section, int order) {
    this.id = id;
    this.title = title;
    this.section = section;
    this.order = order;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String title() {
    return title;
  }

  @Override
  public final String section() {
    return section;
  }

  @Override
  public final int order() {
    return order;
  }
}
