package io.jeda.policy.grpc;

import io.grpc.stub.StreamObserver;
import io.jeda.common.grpc.CallerContext;
import io.jeda.policy.app.plan.DayExceptionService;
import io.jeda.policy.app.plan.PlanService;
import io.jeda.policy.v1.ApproveDayExceptionRequest;
import io.jeda.policy.v1.ApprovePlanRequest;
import io.jeda.policy.v1.CreateDayExceptionRequest;
import io.jeda.policy.v1.CreatePlanRequest;
import io.jeda.policy.v1.DayException;
import io.jeda.policy.v1.GetPlanRequest;
import io.jeda.policy.v1.ListDayExceptionsRequest;
import io.jeda.policy.v1.ListDayExceptionsResponse;
import io.jeda.policy.v1.ListPlanTransitionsRequest;
import io.jeda.policy.v1.ListPlanTransitionsResponse;
import io.jeda.policy.v1.ListPlansRequest;
import io.jeda.policy.v1.ListPlansResponse;
import io.jeda.policy.v1.Plan;
import io.jeda.policy.v1.PlanServiceGrpc;
import io.jeda.policy.v1.RejectDayExceptionRequest;
import io.jeda.policy.v1.RejectPlanRequest;
import io.jeda.policy.v1.RevokePlanRequest;
import io.jeda.policy.v1.SubmitPlanRequest;
import io.jeda.policy.v1.UpdatePlanRequest;
import jakarta.inject.Singleton;

/** Serves jeda.policy.v1.PlanService: FWA plans and one-day exceptions and their decisions. */
@Singleton
public class PlanEndpoint extends PlanServiceGrpc.PlanServiceImplBase {

    private final PlanService plans;
    private final DayExceptionService exceptions;

    public PlanEndpoint(PlanService plans, DayExceptionService exceptions) {
        this.plans = plans;
        this.exceptions = exceptions;
    }

    @Override
    public void createPlan(CreatePlanRequest req, StreamObserver<Plan> out) {
        reply(out, PlanMapper.toProto(plans.create(CallerContext.current(), PlanMapper.officerNip(req.getParent(), "parent"),
                PlanMapper.toInput(req.getPlan()), req.getRequestId(), req.getValidateOnly())));
    }

    @Override
    public void getPlan(GetPlanRequest req, StreamObserver<Plan> out) {
        reply(out, PlanMapper.toProto(plans.get(CallerContext.current(), PlanMapper.planId(req.getName()))));
    }

    @Override
    public void listPlans(ListPlansRequest req, StreamObserver<ListPlansResponse> out) {
        reply(out, PlanMapper.toProto(plans.list(CallerContext.current(), PlanMapper.officerNip(req.getParent(), "parent"),
                PlanMapper.stateFilter(req.getState()), PlanMapper.page(req))));
    }

    @Override
    public void updatePlan(UpdatePlanRequest req, StreamObserver<Plan> out) {
        reply(out, PlanMapper.toProto(plans.update(CallerContext.current(), PlanMapper.planId(req.getPlan().getName()),
                ProtoConversions.updateFields(req.getUpdateMask(), req.getPlan()), PlanMapper.toUpdate(req.getPlan()))));
    }

    @Override
    public void submitPlan(SubmitPlanRequest req, StreamObserver<Plan> out) {
        reply(out, PlanMapper.toProto(plans.submit(CallerContext.current(), PlanMapper.planId(req.getName()),
                req.getValidateOnly())));
    }

    @Override
    public void approvePlan(ApprovePlanRequest req, StreamObserver<Plan> out) {
        reply(out, PlanMapper.toProto(plans.approve(CallerContext.current(), PlanMapper.planId(req.getName()))));
    }

    @Override
    public void rejectPlan(RejectPlanRequest req, StreamObserver<Plan> out) {
        reply(out, PlanMapper.toProto(plans.reject(CallerContext.current(), PlanMapper.planId(req.getName()),
                req.getReason())));
    }

    @Override
    public void revokePlan(RevokePlanRequest req, StreamObserver<Plan> out) {
        reply(out, PlanMapper.toProto(plans.revoke(CallerContext.current(), PlanMapper.planId(req.getName()),
                req.getReason())));
    }

    @Override
    public void listPlanTransitions(ListPlanTransitionsRequest req, StreamObserver<ListPlanTransitionsResponse> out) {
        reply(out, PlanMapper.toTransitions(plans.transitions(CallerContext.current(), PlanMapper.planId(req.getName()),
                PlanMapper.page(req))));
    }

    @Override
    public void createDayException(CreateDayExceptionRequest req, StreamObserver<DayException> out) {
        PlanMapper.ExceptionRequest e = PlanMapper.toRequest(req.getDayException());
        reply(out, PlanMapper.toProto(exceptions.create(CallerContext.current(),
                PlanMapper.officerNip(req.getParent(), "parent"), e.date(), e.place(), e.start(), e.note(),
                req.getValidateOnly())));
    }

    @Override
    public void listDayExceptions(ListDayExceptionsRequest req, StreamObserver<ListDayExceptionsResponse> out) {
        reply(out, PlanMapper.toExceptions(exceptions.list(CallerContext.current(),
                PlanMapper.officerNip(req.getParent(), "parent"), PlanMapper.stateFilter(req.getState()),
                PlanMapper.page(req))));
    }

    @Override
    public void approveDayException(ApproveDayExceptionRequest req, StreamObserver<DayException> out) {
        reply(out, PlanMapper.toProto(exceptions.approve(CallerContext.current(), PlanMapper.exceptionId(req.getName()))));
    }

    @Override
    public void rejectDayException(RejectDayExceptionRequest req, StreamObserver<DayException> out) {
        reply(out, PlanMapper.toProto(exceptions.reject(CallerContext.current(), PlanMapper.exceptionId(req.getName()),
                req.getReason())));
    }

    private static <T> void reply(StreamObserver<T> out, T value) {
        out.onNext(value);
        out.onCompleted();
    }
}
