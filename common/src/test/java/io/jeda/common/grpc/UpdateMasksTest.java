package io.jeda.common.grpc;

import com.google.protobuf.FieldMask;
import io.jeda.common.error.JedaException;
import io.jeda.policy.v1.Plan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UpdateMasksTest {

    private static final Set<String> UPDATABLE = Set.of("start_date", "end_date", "days", "note");
    private static final Plan SENT = Plan.newBuilder().setName("plans/1").setNote("hello")
            .setStartDate(com.google.type.Date.newBuilder().setYear(2027).setMonth(3).setDay(1)).build();

    @Test
    void anEmptyMaskChangesTheUpdatableFieldsTheRequestPopulates() {
        assertEquals(Set.of("start_date", "note"), UpdateMasks.resolve(FieldMask.getDefaultInstance(), SENT, UPDATABLE));
    }

    @Test
    void anEmptyMaskWithNothingPopulatedChangesNothing() {
        assertEquals(Set.of(), UpdateMasks.resolve(FieldMask.getDefaultInstance(),
                Plan.newBuilder().setName("plans/1").build(), UPDATABLE));
    }

    @Test
    void aMaskWithPathsChangesExactlyThoseEvenWhenUnset() {
        assertEquals(Set.of("end_date"), UpdateMasks.resolve(FieldMask.newBuilder().addPaths("end_date").build(),
                SENT, UPDATABLE));
    }

    @Test
    void theStarReplacesEveryUpdatableField() {
        assertEquals(UPDATABLE, UpdateMasks.resolve(FieldMask.newBuilder().addPaths("*").build(), SENT, UPDATABLE));
    }

    @Test
    void aPathThatCannotBeUpdatedIsRefusedWithOneReason() {
        JedaException e = assertThrows(JedaException.class, () -> UpdateMasks.resolve(
                FieldMask.newBuilder().addPaths("note").addPaths("state").build(), SENT, UPDATABLE));
        assertEquals(UpdateMasks.INVALID_UPDATE_MASK, e.reason());
        assertEquals("state", e.metadata().get("path"));
        assertEquals("update_mask", e.metadata().get("field"));
        assertEquals("days,end_date,note,start_date", e.metadata().get("allowed"));
    }

    @Test
    void theSameRuleForPlainPaths() {
        assertEquals(Set.of("note"), UpdateMasks.resolve(List.of(), List.of("note", "name"), UPDATABLE));
    }
}
