package io.jeda.policy.grpc;

import io.jeda.common.grpc.ProtoEnums;
import io.jeda.common.names.DayExceptionName;
import io.jeda.common.names.OfficerName;
import io.jeda.common.names.PlanName;
import io.jeda.common.paging.PageRequest;
import io.jeda.policy.app.plan.PlanService;
import io.jeda.policy.domain.plan.PlanInput;
import io.jeda.policy.domain.plan.PlanView;
import io.jeda.policy.v1.DayException;
import io.jeda.policy.v1.ListDayExceptionsResponse;
import io.jeda.policy.v1.ListPlanTransitionsResponse;
import io.jeda.policy.v1.ListPlansResponse;
import io.jeda.policy.v1.Plan;
import io.jeda.policy.v1.PlanDay;
import io.jeda.policy.v1.PlanState;
import io.jeda.policy.v1.PlanTransition;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates the PlanService API (jeda.policy.v1 plans.proto) to and from the domain: the only
 * class that knows both. Malformed input (a bad name, an unset enum, an impossible date) becomes
 * INVALID_ARGUMENT naming the field.
 */
public final class PlanMapper {

    /** Page size when the request gives none, and the largest honoured, as the proto documents. */
    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;

    private PlanMapper() {
    }

    /** The NIP of `officers/{nip}`, or "-" for `officers/-`. */
    static String officerNip(String parent, String field) {
        return OfficerName.parse(parent, field).nip();
    }

    static String planId(String name) {
        return PlanName.parse(name, "name").planId();
    }

    static String exceptionId(String name) {
        return DayExceptionName.parse(name, "name").dayExceptionId();
    }

    /** The page a List request asks for; its token must come from a request with the same filters. */
    static PageRequest page(com.google.protobuf.Message listRequest) {
        return PageRequest.of(listRequest, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    }

    /** A state filter; UNSPECIFIED means none. */
    static io.jeda.policy.domain.plan.PlanState stateFilter(PlanState state) {
        if (state == PlanState.PLAN_STATE_UNSPECIFIED) {
            return null;
        }
        return ProtoEnums.toDomain(state, io.jeda.policy.domain.plan.PlanState.class, "state");
    }

    /** Every field of a plan being created. */
    static PlanInput toInput(Plan plan) {
        return new PlanInput(ProtoConversions.toLocalDate(plan.getStartDate(), "plan.start_date"),
                ProtoConversions.toLocalDate(plan.getEndDate(), "plan.end_date"), toDays(plan.getDaysList()),
                plan.getNote());
    }

    /**
     * The fields of an update as sent; an unset date is null, so that an unset field outside the
     * update mask is not an error (the use case refuses one the mask names).
     */
    static PlanInput toUpdate(Plan plan) {
        return new PlanInput(ProtoConversions.toLocalDateOrNull(plan.getStartDate(), "plan.start_date"),
                ProtoConversions.toLocalDateOrNull(plan.getEndDate(), "plan.end_date"), toDays(plan.getDaysList()),
                plan.getNote());
    }

    private static List<io.jeda.policy.domain.plan.PlanDay> toDays(List<PlanDay> days) {
        List<io.jeda.policy.domain.plan.PlanDay> out = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            PlanDay d = days.get(i);
            String f = "plan.days[" + i + "]";
            LocalTime start = ProtoConversions.isSet(d.getStartTime())
                    ? ProtoConversions.toLocalTime(d.getStartTime(), f + ".start_time") : null;
            out.add(new io.jeda.policy.domain.plan.PlanDay(ProtoConversions.toDayOfWeek(d.getDayOfWeek(), f + ".day_of_week"),
                    ProtoConversions.toWorkPlace(d.getPlace(), f + ".place"), start));
        }
        return out;
    }

    /** What an officer asks for in a one-day exception, read from the proto. */
    record ExceptionRequest(LocalDate date, io.jeda.policy.domain.WorkPlace place, @Nullable LocalTime start,
                            String note) {
    }

    static ExceptionRequest toRequest(DayException e) {
        return new ExceptionRequest(ProtoConversions.toLocalDate(e.getDate(), "day_exception.date"),
                ProtoConversions.toWorkPlace(e.getPlace(), "day_exception.place"),
                ProtoConversions.isSet(e.getStartTime())
                        ? ProtoConversions.toLocalTime(e.getStartTime(), "day_exception.start_time") : null,
                e.getNote());
    }

    static Plan toProto(PlanView view) {
        io.jeda.policy.domain.plan.Plan p = view.plan();
        Plan.Builder b = Plan.newBuilder()
                .setName(p.id() == null ? "" : io.jeda.policy.domain.plan.Plan.nameOf(p.id()))
                .setOfficer(OfficerName.of(p.officerNip()).toString())
                .setStartDate(ProtoConversions.toDate(p.startDate()))
                .setEndDate(ProtoConversions.toDate(p.endDate()))
                .setState(toProto(view.shownState()))
                .setDecisionReason(p.decisionReason() == null ? "" : p.decisionReason())
                .setCreateTime(ProtoConversions.toTimestamp(p.createdAt()))
                .setUpdateTime(ProtoConversions.toTimestamp(p.updatedAt()))
                .setNote(p.note() == null ? "" : p.note());
        for (io.jeda.policy.domain.plan.PlanDay d : io.jeda.policy.domain.plan.PlanDay.decode(p.days())) {
            b.addDays(PlanDay.newBuilder()
                    .setDayOfWeek(ProtoConversions.toProto(d.dayOfWeek()))
                    .setPlace(ProtoConversions.toProto(d.place()))
                    .setStartTime(ProtoConversions.toTimeOfDay(d.start())));
        }
        return b.build();
    }

    static PlanState toProto(io.jeda.policy.domain.plan.PlanState s) {
        return ProtoEnums.ofShortName(PlanState.class, s.name());
    }

    static ListPlansResponse toProto(PageRequest.Page<PlanView> page) {
        ListPlansResponse.Builder b = ListPlansResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(v -> b.addPlans(toProto(v)));
        return b.build();
    }

    static ListPlanTransitionsResponse toTransitions(PageRequest.Page<io.jeda.policy.domain.plan.PlanTransition> page) {
        ListPlanTransitionsResponse.Builder b = ListPlanTransitionsResponse.newBuilder()
                .setNextPageToken(page.nextPageToken());
        for (io.jeda.policy.domain.plan.PlanTransition t : page.items()) {
            b.addTransitions(PlanTransition.newBuilder()
                    .setFromState(toProto(t.fromState()))
                    .setToState(toProto(t.toState()))
                    .setActor(t.actor())
                    .setTime(ProtoConversions.toTimestamp(t.occurredAt()))
                    .setReason(t.reason() == null ? "" : t.reason()));
        }
        return b.build();
    }

    static DayException toProto(io.jeda.policy.domain.plan.DayException e) {
        DayException.Builder b = DayException.newBuilder()
                .setName(e.id() == null ? "" : io.jeda.policy.domain.plan.DayException.nameOf(e.id()))
                .setOfficer(OfficerName.of(e.officerNip()).toString())
                .setDate(ProtoConversions.toDate(e.onDate()))
                .setPlace(ProtoConversions.toProto(e.place()))
                .setState(toProto(e.state()))
                .setNote(e.note() == null ? "" : e.note())
                .setDecisionReason(e.decisionReason() == null ? "" : e.decisionReason());
        if (e.startTime() != null) {
            b.setStartTime(ProtoConversions.toTimeOfDay(e.startTime()));
        }
        return b.build();
    }

    static ListDayExceptionsResponse toExceptions(PageRequest.Page<io.jeda.policy.domain.plan.DayException> page) {
        ListDayExceptionsResponse.Builder b = ListDayExceptionsResponse.newBuilder()
                .setNextPageToken(page.nextPageToken());
        page.items().forEach(e -> b.addDayExceptions(toProto(e)));
        return b.build();
    }
}
