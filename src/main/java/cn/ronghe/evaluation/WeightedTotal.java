package cn.ronghe.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** The total of an evaluation: the weighted mean of its dimension scores (0–100), one decimal, half up. */
public final class WeightedTotal {

  /** A dimension (评分维度) and its weight, as the weights table gives them. */
  public record Weight(String dimension, String label, int weight) {
  }

  private WeightedTotal() {
  }

  public static BigDecimal of(List<Weight> weights, Map<String, Integer> scores) {
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("no dimensions configured");
    }
    long sumWeights = 0;
    long weighted = 0;
    for (Weight w : weights) {
      Integer score = scores.get(w.dimension());
      if (score == null) {
        throw new IllegalArgumentException("no score for " + w.dimension());
      }
      sumWeights += w.weight();
      weighted += (long) score * w.weight();
    }
    if (sumWeights <= 0) {
      throw new IllegalArgumentException("weights add up to " + sumWeights);
    }
    return BigDecimal.valueOf(weighted).divide(BigDecimal.valueOf(sumWeights), 1, RoundingMode.HALF_UP);
  }
}
