package io.jeda.attendance.domain;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Facts worth knowing about an accepted event; a flag never causes an event to be dropped. */
public enum Flag {
    CLOCK_SKEW, LATE_SYNC, POLICY_UNVERIFIED, AUTO_CHECKOUT, DEVICE_CLOCK_CHANGED;

    /** The storage form: comma-separated names in declaration order. */
    public static String join(Set<Flag> flags) {
        return flags.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    public static Set<Flag> parse(String stored) {
        Set<Flag> out = EnumSet.noneOf(Flag.class);
        if (stored != null && !stored.isBlank()) {
            for (String s : stored.split(",")) {
                out.add(Flag.valueOf(s.trim()));
            }
        }
        return out;
    }
}
