package cn.ronghe.identity;

import cn.ronghe.platform.DatabaseLock;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo users listed in the README, each with password equal to its id. Only in the demo profile; the
 * production profile creates no user but the administrator.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "ronghe.demo.enabled", havingValue = "true")
class DemoUsers implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  /**
   * id, full name, organisation in brackets, groups. Camunda shows "first last", so the full Chinese name goes
   * first and the organisation second: 王芳 （东仓社区）.
   */
  record DemoUser(String id, String name, String organisation, List<String> groups) {
  }

  static final List<DemoUser> USERS = List.of(
      new DemoUser("shiwei", "周明", "（市委）", List.of(Groups.CITY_COMMITTEE)),
      new DemoUser("zuzhibu", "陈立", "（市委组织部）", List.of(Groups.ORG_DEPT)),
      new DemoUser("minzheng", "吴婷", "（市民政局）", List.of(Groups.CIVIL_AFFAIRS)),
      new DemoUser("sifa", "徐浩", "（市司法局）", List.of(Groups.JUSTICE_BUREAU)),
      new DemoUser("weijian", "顾丽", "（市卫健委）", List.of(Groups.dept("health"), Groups.ROLE_DEPT)),
      new DemoUser("zhujian", "陆强", "（市住建局）", List.of(Groups.dept("housing"), Groups.ROLE_DEPT)),
      new DemoUser("loudong", "朱敏", "（娄东街道大工委）", List.of(Groups.street("loudong"), Groups.ROLE_STREET)),
      new DemoUser("chengxiang", "沈军", "（城厢镇大工委）", List.of(Groups.street("chengxiang"), Groups.ROLE_STREET)),
      new DemoUser("dongcang", "王芳", "（东仓社区）", List.of(Groups.community("dongcang"), Groups.ROLE_COMMUNITY)),
      new DemoUser("nanyuan", "钱晓燕", "（南园社区）", List.of(Groups.community("nanyuan"), Groups.ROLE_COMMUNITY)),
      new DemoUser("taiping", "孙磊", "（太平社区）", List.of(Groups.community("taiping"), Groups.ROLE_COMMUNITY)),
      new DemoUser("nonghang", "张伟", "（农业银行太仓分行）", List.of(Groups.unit("u109"), Groups.ROLE_UNIT)),
      new DemoUser("xiaofang", "李斌", "（市消防救援大队）", List.of(Groups.unit("u043"), Groups.ROLE_UNIT)));

  private final IdentityService identity;
  private final DatabaseLock lock;
  private final TransactionTemplate tx;

  DemoUsers(IdentityService identity, DatabaseLock lock, TransactionTemplate tx) {
    this.identity = identity;
    this.lock = lock;
    this.tx = tx;
  }

  @Override
  public void run(ApplicationArguments args) {
    tx.executeWithoutResult(status -> {
      lock.acquire("startup");
      int created = 0;
      for (DemoUser d : USERS) {
        if (identity.createUserQuery().userId(d.id()).count() > 0) {
          continue;
        }
        User u = identity.newUser(d.id());
        u.setFirstName(d.name());
        u.setLastName(d.organisation());
        u.setPassword(d.id());
        u.setEmail(d.id() + "@demo.ronghe.example");
        identity.saveUser(u);
        for (String g : d.groups()) {
          identity.createMembership(d.id(), g);
        }
        created++;
      }
      if (created > 0) {
        log.info("Created {} demo users (password = user id)", created);
      }
    });
  }
}
