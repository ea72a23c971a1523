package io.jeda.policy.domain.request;

import java.util.EnumSet;
import java.util.Set;

/** Where a request is in its life; the last four are final. */
public enum StaffRequestState {
    AWAITING_COUNTERPART, AWAITING_MANAGER, APPROVED, REJECTED, DECLINED, CANCELLED;

    /** The states that still wait for someone: a request in them holds its dates or turns. */
    public static final Set<StaffRequestState> PENDING = EnumSet.of(AWAITING_COUNTERPART, AWAITING_MANAGER);
}
