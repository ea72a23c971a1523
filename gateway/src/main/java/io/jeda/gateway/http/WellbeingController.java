package io.jeda.gateway.http;

import io.jeda.gateway.app.WellbeingReports;
import io.jeda.gateway.v1.WellbeingReport;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * REST for the wellbeing report ({@link WellbeingReports}): a manager's team at
 * {@code /v1/team/wellbeing}, a unit for HR and admins at {@code /v1/admin/units/{unit}/wellbeing}.
 */
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class WellbeingController {

    private final WellbeingReports reports;

    public WellbeingController(WellbeingReports reports) {
        this.reports = reports;
    }

    @Get("/team/wellbeing")
    public WellbeingReport team(HttpRequest<?> request, @QueryValue @Nullable String month) {
        var person = AuthFilter.person(request);
        return reports.team(person, reports.month(month));
    }

    @Get("/admin/units/{unit}/wellbeing")
    public WellbeingReport unit(HttpRequest<?> request, @PathVariable String unit, @QueryValue @Nullable String month) {
        var person = AuthFilter.person(request);
        return reports.unit(person, TeamController.name("units", unit), reports.month(month));
    }
}
