package cn.ronghe.admission.catalogue;

import java.util.Arrays;
import java.util.List;

/** How often communities perform a matter. */
public enum Frequency {
  CONTINUOUS("常态化"),
  MONTHLY("每月"),
  QUARTERLY("每季度"),
  HALF_YEARLY("每半年"),
  YEARLY("每年"),
  MULTI_YEAR("多年一次"),
  AS_NEEDED("按需");

  private final String label;

  Frequency(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
