package cn.ronghe;

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
    SpringApplication.run(RongheApplication.class, args);
  }
}
