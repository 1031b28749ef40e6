package dev.weft.flows.model;

/**
 * Retrying a failed call: {@code attempts} in all (2 or more), waiting {@code backoffMillis}
 * before the second and doubling the wait before each later one.
 */
public record RetryPolicy(int attempts, long backoffMillis) {
  public RetryPolicy {
    if (attempts < 2 || backoffMillis < 0) {
      throw new IllegalArgumentException("retry needs 2 or more attempts and a backoff of 0 or more");
    }
  }

  /** The wait before attempt {@code n} (2 for the first retry). */
  public long delayBefore(int n) {
    return backoffMillis << Math.min(20, n - 2);
  }
}
