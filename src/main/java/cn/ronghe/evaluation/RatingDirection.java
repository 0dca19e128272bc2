package cn.ronghe.evaluation;

/** Who rates whom in a pairing (双向考评). */
public enum RatingDirection {
  /** The community rates the unit: participation, resources delivered, projects completed, contact. */
  C2U("社区评价共建单位", RatedSide.UNIT),
  /** The unit rates the community: clarity of demands, cooperation, feedback, service results. */
  U2C("共建单位评价社区", RatedSide.COMMUNITY);

  private final String label;
  private final RatedSide rated;

  RatingDirection(String label, RatedSide rated) {
    this.label = label;
    this.rated = rated;
  }

  public String label() {
    return label;
  }

  public RatedSide rated() {
    return rated;
  }

  /** The side that is rated. */
  public enum RatedSide {
    UNIT("共建单位"), COMMUNITY("社区");

    private final String label;

    RatedSide(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
