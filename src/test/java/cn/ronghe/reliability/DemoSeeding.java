package cn.ronghe.reliability;

import cn.ronghe.career.demo.CareerDemoData;
import cn.ronghe.grid.GridDemoData;
import cn.ronghe.property.PropertyDemoData;
import cn.ronghe.reserve.ReserveDemoData;
import java.lang.reflect.Method;
import org.springframework.context.ApplicationContext;

/**
 * Seeds the demo cases of admission, career, property credit, grid reports and reserve secretaries through their
 * real processes, so the reliability tests find open tasks whichever test ran before. These seeders are idempotent; the live co-building and evaluation demos are not
 * (their own test, DemoDataTest, runs them once per JVM) and are left alone. Admission's seeder is a
 * package-private bean, reached by name.
 */
final class DemoSeeding {

  private DemoSeeding() {
  }

  static void seed(ApplicationContext context) {
    invoke(context, "admissionDemoData", "seed");
    context.getBean(CareerDemoData.class).seedCases();
    context.getBean(PropertyDemoData.class).seedCases();
    context.getBean(GridDemoData.class).seedCases();
    context.getBean(ReserveDemoData.class).seedCases();
  }

  private static void invoke(ApplicationContext context, String bean, String method) {
    Object target = context.getBean(bean);
    try {
      Method m = target.getClass().getDeclaredMethod(method);
      m.setAccessible(true);
      m.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Could not seed the demo through " + bean, e);
    }
  }
}
