package io.jeda.policy.app.request;

import io.jeda.policy.domain.request.StaffRequest;

/** A request with the display names of the officers it names, as inboxes show it. */
public record StaffRequestView(StaffRequest request, String officerName, String counterpartName) {
}
