package io.jeda.attendance.domain;

import java.util.EnumSet;
import java.util.Set;

/** Facts worth knowing about an accepted event; a flag never causes an event to be dropped. */
public enum Flag {
    CLOCK_SKEW, LATE_SYNC, POLICY_UNVERIFIED, AUTO_CHECKOUT, DEVICE_CLOCK_CHANGED;

    /** The storage form: comma-separated names in declaration order. */
    public static String join(Set<Flag> flags) {
        if (flags.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (Flag f : VALUES) {
            if (flags.contains(f)) {
                b.append(b.length() == 0 ? "" : ",").append(f.name());
            }
        }
        return b.toString();
    }

    private static final Flag[] VALUES = values();

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
