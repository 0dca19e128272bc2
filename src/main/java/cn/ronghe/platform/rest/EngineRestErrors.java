package cn.ronghe.platform.rest;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the engine REST API ({@code /engine-rest}, Camunda's Jersey application) answers errors: bad input is a 4xx
 * whatever step refused it, and every error message reads in Chinese and English. Camunda's own mappers answer a
 * start listener's form validation with 500 on {@code /process-definition/.../start}, and a value too long for its
 * column with 500 everywhere; ours take precedence (lower priority number) for the same exception types.
 */
@Configuration
class EngineRestErrors {

  @Bean
  ResourceConfigCustomizer engineRestErrorHandling() {
    return config -> config
        .register(UserInputExceptionMapper.ForRestException.class, UserInputExceptionMapper.PRIORITY)
        .register(UserInputExceptionMapper.ForEngineException.class, UserInputExceptionMapper.PRIORITY)
        .register(UserInputExceptionMapper.ForBrokenJson.class, UserInputExceptionMapper.PRIORITY)
        .register(UserInputExceptionMapper.ForWrongJson.class, UserInputExceptionMapper.PRIORITY)
        .register(BilingualErrorFilter.class);
  }
}
