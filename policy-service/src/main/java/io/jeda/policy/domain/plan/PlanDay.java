package io.jeda.policy.domain.plan;

import io.jeda.policy.domain.WorkPlace;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** One weekday of a plan's weekly pattern: where and from when the officer works. */
public record PlanDay(DayOfWeek dayOfWeek, WorkPlace place, LocalTime start) {

    /** Encodes days as "MONDAY:OFFICE:07:30,..." in weekday order. */
    public static String encode(List<PlanDay> days) {
        return days.stream().sorted(Comparator.comparing(PlanDay::dayOfWeek))
                .map(d -> d.dayOfWeek.name() + ":" + d.place.name() + ":" + d.start)
                .collect(Collectors.joining(","));
    }

    public static List<PlanDay> decode(String text) {
        List<PlanDay> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            String[] f = part.split(":", 3);
            out.add(new PlanDay(DayOfWeek.valueOf(f[0]), WorkPlace.valueOf(f[1]), LocalTime.parse(f[2])));
        }
        return out;
    }
}
