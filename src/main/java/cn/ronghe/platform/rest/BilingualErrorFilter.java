package cn.ronghe.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;

/**
 * Every error body of the engine REST API (whichever mapper made it: Camunda's or ours, JSON parse errors, unknown
 * paths) carries a Chinese and an English message.
 */
class BilingualErrorFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() >= 400 && response.getEntity() instanceof ExceptionDto dto) {
      dto.setMessage(EngineErrorText.bilingual(response.getStatus(), dto.getMessage()));
    }
  }
}
