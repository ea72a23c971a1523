package io.jeda.policy.app.request;

import io.jeda.policy.domain.request.StaffRequest;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * The limits of leave and travel requests ({@code jeda.policy.requests.*} in application.yml): how
 * far back and ahead a request may start and how many days one request may cover.
 */
@Singleton
public class RequestSettings {

    private final StaffRequest.DateLimits limits;

    public RequestSettings(@Value("${jeda.policy.requests.max-days-back:0}") int maxDaysBack,
                           @Value("${jeda.policy.requests.max-days-ahead:365}") int maxDaysAhead,
                           @Value("${jeda.policy.requests.max-days:90}") int maxDays) {
        this.limits = new StaffRequest.DateLimits(maxDaysBack, maxDaysAhead, maxDays);
    }

    public StaffRequest.DateLimits limits() {
        return limits;
    }
}
