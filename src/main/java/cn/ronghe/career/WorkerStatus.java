package cn.ronghe.career;

/** Whether a worker is in service. Only active workers are reviewed or change post. */
public enum WorkerStatus implements Labelled {
  ACTIVE("在岗"),
  LEFT("离职"),
  RETIRED("退休");

  private final String label;

  WorkerStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
