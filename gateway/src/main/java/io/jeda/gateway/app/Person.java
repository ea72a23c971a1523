package io.jeda.gateway.app;

import io.jeda.common.names.OfficerName;
import io.jeda.common.security.Caller;

/**
 * A verified caller together with the bearer token they presented: requests forwarded for them carry
 * that token, so the service behind the gateway checks the person again rather than trusting the gateway.
 */
public record Person(Caller caller, String token) {

    /** The caller's resource name, {@code officers/{nip}}. */
    public String officer() {
        return OfficerName.of(caller.subject()).toString();
    }
}
