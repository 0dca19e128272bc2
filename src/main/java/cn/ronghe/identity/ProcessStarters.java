package cn.ronghe.identity;

import java.util.List;

/**
 * Declares which groups may start a process from Tasklist. Each capability contributes one bean per
 * process; {@link IdentitySetup} turns them into Camunda authorizations.
 */
public record ProcessStarters(String processKey, List<String> groups) {

  public static ProcessStarters of(String processKey, String... groups) {
    return new ProcessStarters(processKey, List.of(groups));
  }
}
