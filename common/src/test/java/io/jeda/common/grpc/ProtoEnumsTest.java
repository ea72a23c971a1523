package io.jeda.common.grpc;

import io.jeda.common.error.JedaException;
import io.jeda.gateway.v1.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProtoEnumsTest {

    @ParameterizedTest
    @ValueSource(strings = {"URGENT", "urgent", "URGENCY_URGENT", "urgency_urgent", " Urgent "})
    void aValueIsTheSameWithOrWithoutItsPrefix(String text) {
        assertEquals(Urgency.URGENCY_URGENT, ProtoEnums.parse(Urgency.class, text, "urgency"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNSPECIFIED", "URGENCY_UNSPECIFIED", "", "SOON", "URGENCY_"})
    void unspecifiedAndUnknownValuesAreRefusedWithOneReasonListingTheAllowed(String text) {
        JedaException e = assertThrows(JedaException.class, () -> ProtoEnums.parse(Urgency.class, text, "urgency"));
        assertEquals(ProtoEnums.INVALID_ENUM_VALUE, e.reason());
        assertEquals("urgency", e.metadata().get("field"));
        assertEquals("ROUTINE,URGENT,EMERGENCY", e.metadata().get("allowed"));
    }

    @Test
    void aTypedValueFromARequestIsCheckedToo() {
        assertEquals(Urgency.URGENCY_ROUTINE, ProtoEnums.require(Urgency.URGENCY_ROUTINE, "urgency"));
        assertEquals(ProtoEnums.INVALID_ENUM_VALUE, assertThrows(JedaException.class,
                () -> ProtoEnums.require(Urgency.URGENCY_UNSPECIFIED, "urgency")).reason());
        assertEquals(ProtoEnums.INVALID_ENUM_VALUE, assertThrows(JedaException.class,
                () -> ProtoEnums.require(Urgency.UNRECOGNIZED, "urgency")).reason());
    }

    @Test
    void namesForJsonAndOutput() {
        assertEquals(Optional.of("URGENCY_EMERGENCY"), ProtoEnums.fullName(Urgency.getDescriptor(), "emergency"));
        assertEquals(Optional.empty(), ProtoEnums.fullName(Urgency.getDescriptor(), "UNSPECIFIED"));
        assertEquals("EMERGENCY", ProtoEnums.shortName(Urgency.URGENCY_EMERGENCY));
        assertEquals("URGENCY_", ProtoEnums.prefix(Urgency.getDescriptor()));
    }

    enum DomainUrgency { ROUTINE, URGENT, EMERGENCY }

    enum Partial { ROUTINE }

    @Test
    void toAndFromTheDomainEnumOfTheSameShortNames() {
        assertEquals(DomainUrgency.EMERGENCY, ProtoEnums.toDomain(Urgency.URGENCY_EMERGENCY, DomainUrgency.class, "u"));
        assertEquals(ProtoEnums.INVALID_ENUM_VALUE, assertThrows(JedaException.class,
                () -> ProtoEnums.toDomain(Urgency.URGENCY_UNSPECIFIED, DomainUrgency.class, "u")).reason());
        assertEquals(ProtoEnums.INVALID_ENUM_VALUE, assertThrows(JedaException.class,
                () -> ProtoEnums.toDomain(Urgency.URGENCY_URGENT, Partial.class, "u")).reason());
        assertEquals(Urgency.URGENCY_URGENT, ProtoEnums.ofShortName(Urgency.class, DomainUrgency.URGENT.name()));
        assertThrows(IllegalArgumentException.class, () -> ProtoEnums.ofShortName(Urgency.class, "SOON"));
    }

    @Test
    void byDescriptorForQueryParameters() {
        assertEquals("URGENCY_ROUTINE", ProtoEnums.parse(Urgency.getDescriptor(), "routine", "urgency").getName());
        assertEquals(ProtoEnums.INVALID_ENUM_VALUE, assertThrows(JedaException.class,
                () -> ProtoEnums.parse(Urgency.getDescriptor(), "unspecified", "urgency")).reason());
    }
}
