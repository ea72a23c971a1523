package io.jeda.attendance.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where corrections are stored; each write's outcome is decided inside its transaction. */
public interface Corrections {

    /** What storing a new correction came to. */
    sealed interface Created {
        /** Stored now. */
        record Stored(Correction correction) implements Created {
        }

        /** The officer's request id was stored before: the correction stored under it. */
        record Replayed(Correction earlier) implements Created {
        }

        /** The officer already has a correction of that day waiting for a decision. */
        record PendingExists(Correction pending) implements Created {
        }
    }

    Created create(Correction correction);

    Optional<Correction> find(String id);

    /** The officer's correction stored under a request id, if any. */
    Optional<Correction> byRequest(String nip, String requestId);

    /**
     * Records a decision: only a correction still PENDING changes, so two managers deciding at once
     * record one decision. Returns the correction as stored afterwards.
     */
    Correction decide(Correction decided);

    /** One page of an officer's corrections, newest first; {@code state} null for every state. */
    List<Correction> ofOfficer(String nip, CorrectionState state, int size, long offset);

    /** One page of the corrections whose officers had this manager when they asked, newest first. */
    List<Correction> ofManager(String managerNip, CorrectionState state, int size, long offset);

    /** The officer's APPROVED corrections of dates in the range (inclusive), in approval order. */
    List<Correction> approved(String nip, LocalDate from, LocalDate to);
}
