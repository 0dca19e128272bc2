package cn.ronghe.identity;

import cn.ronghe.organisation.RegistryChangedEvent;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.platform.DatabaseLock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps Camunda identity in step with the registry and the processes: one group per city body, line
 * department, street, community and unit; role groups; who may start which process; the shared Tasklist
 * filters. Runs on every start (both profiles) and after every registry import; only adds what is missing.
 */
@Component
@Order(20)
class IdentitySetup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);
  private static final String ANY = "*";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final RegistryRepository registry;
  private final List<ProcessStarters> starters;
  private final TasklistFilters filters;
  private final DatabaseLock lock;
  private final TransactionTemplate tx;

  IdentitySetup(IdentityService identity, AuthorizationService authorizations, RegistryRepository registry,
      List<ProcessStarters> starters, TasklistFilters filters, DatabaseLock lock, TransactionTemplate tx) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.registry = registry;
    this.starters = starters;
    this.filters = filters;
    this.lock = lock;
    this.tx = tx;
  }

  @Override
  public void run(ApplicationArguments args) {
    tx.executeWithoutResult(status -> {
      lock.acquire("startup");
      int groups = syncGroups();
      int grants = syncAuthorizations();
      int created = filters.sync();
      log.info("Identity in step: {} groups added, {} authorizations added, {} filters added", groups, grants, created);
    });
  }

  /** Same transaction as the registry import: the new groups exist exactly when the new registry does. */
  @EventListener
  void onRegistryChanged(RegistryChangedEvent event) {
    syncGroups();
  }

  int syncGroups() {
    Map<String, String[]> desired = new HashMap<>();
    desired.put(Groups.CITY_COMMITTEE, new String[] {"中共太仓市委", "city"});
    desired.put(Groups.ORG_DEPT, new String[] {"市委组织部", "city"});
    desired.put(Groups.CIVIL_AFFAIRS, new String[] {"市民政局", "city"});
    desired.put(Groups.JUSTICE_BUREAU, new String[] {"市司法局", "city"});
    desired.put(Groups.ROLE_DEPT, new String[] {"全部条线部门", "role"});
    desired.put(Groups.ROLE_STREET, new String[] {"全部镇区（街道）", "role"});
    desired.put(Groups.ROLE_COMMUNITY, new String[] {"全部社区", "role"});
    desired.put(Groups.ROLE_UNIT, new String[] {"全部共建单位", "role"});
    registry.departments().forEach(d -> desired.put(Groups.dept(d.code()), new String[] {d.name(), "department"}));
    registry.streets().forEach(s -> desired.put(Groups.street(s.code()), new String[] {s.name() + "大工委", "street"}));
    registry.communities(null).forEach(c -> desired.put(Groups.community(c.code()), new String[] {c.name(), "community"}));
    registry.units(null).forEach(u -> desired.put(Groups.unit(u.code()), new String[] {u.name(), "unit"}));

    Map<String, Group> existing = new HashMap<>();
    identity.createGroupQuery().list().forEach(g -> existing.put(g.getId(), g));
    int added = 0;
    for (Map.Entry<String, String[]> e : desired.entrySet()) {
      Group g = existing.get(e.getKey());
      if (g == null) {
        g = identity.newGroup(e.getKey());
        added++;
      } else if (e.getValue()[0].equals(g.getName()) && e.getValue()[1].equals(g.getType())) {
        continue;
      }
      g.setName(e.getValue()[0]);
      g.setType(e.getValue()[1]);
      identity.saveGroup(g);
    }
    return added;
  }

  int syncAuthorizations() {
    Grants grants = new Grants(authorizations);
    grants.global(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grants.global(Resources.USER, ANY, Permissions.READ);
    grants.global(Resources.GROUP, ANY, Permissions.READ);
    // Lets Tasklist show every user the diagram of the process a task belongs to; instance data stays guarded.
    grants.global(Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    for (ProcessStarters s : starters) {
      for (String group : s.groups()) {
        grants.group(group, Resources.PROCESS_DEFINITION, s.processKey(), Permissions.READ, Permissions.CREATE_INSTANCE);
        grants.group(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
      }
    }
    return grants.added();
  }

  /** Adds missing grants, looking up what exists once instead of once per grant. */
  static final class Grants {
    private final AuthorizationService service;
    private final Map<String, Authorization> existing = new HashMap<>();
    private int added;

    Grants(AuthorizationService service) {
      this.service = service;
      for (Authorization a : service.createAuthorizationQuery().list()) {
        existing.put(key(a.getAuthorizationType(), a.getGroupId() != null ? a.getGroupId() : a.getUserId(),
            a.getResourceType(), a.getResourceId()), a);
      }
    }

    void global(Resource resource, String resourceId, Permission... permissions) {
      grant(Authorization.AUTH_TYPE_GLOBAL, null, resource, resourceId, permissions);
    }

    void group(String groupId, Resource resource, String resourceId, Permission... permissions) {
      grant(Authorization.AUTH_TYPE_GRANT, groupId, resource, resourceId, permissions);
    }

    private void grant(int type, String groupId, Resource resource, String resourceId, Permission... permissions) {
      String key = key(type, groupId == null ? ANY : groupId, resource.resourceType(), resourceId);
      Authorization a = existing.get(key);
      boolean missing = a == null;
      if (missing) {
        a = service.createNewAuthorization(type);
        if (groupId == null) {
          a.setUserId(ANY);
        } else {
          a.setGroupId(groupId);
        }
        a.setResource(resource);
        a.setResourceId(resourceId);
      }
      boolean changed = missing;
      for (Permission p : permissions) {
        if (!a.isPermissionGranted(p)) {
          a.addPermission(p);
          changed = true;
        }
      }
      if (changed) {
        existing.put(key, service.saveAuthorization(a));
        added++;
      }
    }

    int added() {
      return added;
    }

    private static String key(int type, String who, int resourceType, String resourceId) {
      return type + "|" + who + "|" + resourceType + "|" + resourceId;
    }
  }
}
