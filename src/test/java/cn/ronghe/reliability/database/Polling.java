package cn.ronghe.reliability.database;

import java.util.function.BooleanSupplier;

/**
 * Waiting without timing assertions: poll a condition every 200 ms up to a generous limit (the CI machine is
 * small and shared), and fail with what was awaited and for how long.
 */
final class Polling {

  private Polling() {
  }

  /** Polls until the condition holds and returns the seconds it took; an exception counts as "not yet". */
  static double until(String what, int timeoutSeconds, BooleanSupplier condition) {
    long start = System.nanoTime();
    long deadline = start + timeoutSeconds * 1_000_000_000L;
    RuntimeException last = null;
    while (true) {
      try {
        if (condition.getAsBoolean()) {
          return secondsSince(start);
        }
      } catch (RuntimeException e) {
        last = e;
      }
      if (System.nanoTime() > deadline) {
        AssertionError failure = new AssertionError("Timed out after " + timeoutSeconds + " s waiting for " + what);
        if (last != null) {
          failure.initCause(last);
        }
        throw failure;
      }
      sleep(200);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  static double secondsSince(long nanoTime) {
    return (System.nanoTime() - nanoTime) / 1e9;
  }
}
