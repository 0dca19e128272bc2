package cn.ronghe.platform.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls without the caller's authentication, for endpoints that have already made their own,
 * narrower access decision (for example the audit trail of a case the caller took part in).
 */
@Component
public class AsSystem {

  private final IdentityService identity;

  public AsSystem(IdentityService identity) {
    this.identity = identity;
  }

  public <T> T call(Supplier<T> work) {
    Authentication current = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (current != null) {
        identity.setAuthentication(current);
      }
    }
  }
}
