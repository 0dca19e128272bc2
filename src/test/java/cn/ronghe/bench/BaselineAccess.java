package cn.ronghe.bench;

import org.camunda.bpm.engine.ProcessEngine;

/** Lets the process benchmarks in the capabilities' packages measure the baseline in their own run. */
public final class BaselineAccess {

  private BaselineAccess() {
  }

  public static double costPerStepMillis(ProcessEngine engine, String section) throws Exception {
    return Baseline.costPerStepMillis(engine, section);
  }
}
