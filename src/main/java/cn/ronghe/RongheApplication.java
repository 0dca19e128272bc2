package cn.ronghe;

import java.util.TimeZone;
import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Ronghe (融合): Taicang community-governance workflows on the Camunda 7 engine. */
@SpringBootApplication
@EnableProcessApplication("ronghe")
@EnableScheduling
public class RongheApplication {

  public static void main(String[] args) {
    // Deadlines fall due at 17:00 Taicang time whatever the server's clock zone is.
    String zone = System.getenv().getOrDefault("RONGHE_TIME_ZONE", "Asia/Shanghai");
    TimeZone.setDefault(TimeZone.getTimeZone(zone));
    SpringApplication.run(RongheApplication.class, args);
  }
}
