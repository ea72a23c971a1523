package io.jeda.policy.domain.organisation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An officer (pegawai ASN). The domicile is personal data: it leaves this service only for the
 * officer themself, admins and other Jeda services.
 */
@MappedEntity("officer")
public record Officer(@Id String nip, String displayName, String unitId, String positionId,
                      @Nullable String managerNip, @Nullable Double domicileLatitude,
                      @Nullable Double domicileLongitude, @Nullable Integer domicileRadiusMeters,
                      @Nullable LocalDate penaltyUntil, @Nullable LocalDate probationUntil,
                      Instant createdAt, Instant updatedAt) {

    /** FWA eligibility of the person (the position's eligibility is checked separately). */
    public boolean personallyEligibleOn(LocalDate date) {
        return (penaltyUntil == null || date.isAfter(penaltyUntil))
                && (probationUntil == null || date.isAfter(probationUntil));
    }
}
