package io.jeda.gateway.http;

import com.google.protobuf.Timestamp;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.TeamBoard;
import io.jeda.gateway.v1.TeamMember;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The board's ETag names what the board says: a later poll whose only difference is the time the
 * answers were made (every answer's asOf and computedAt are "now") gets the same tag, so 304.
 */
class BoardTagTest {

    private static TeamBoard board(long at, boolean reachable) {
        Timestamp now = Timestamp.newBuilder().setSeconds(at).build();
        Reachability instead = Reachability.newBuilder().setOfficer("officers/2").setAsOf(now).setComputedAt(now).build();
        return TeamBoard.newBuilder().setAsOf(now).addMembers(TeamMember.newBuilder().setOfficer("officers/1")
                .setReachability(Reachability.newBuilder().setOfficer("officers/1").setReachable(reachable)
                        .setAsOf(now).setComputedAt(now).setContactInstead(instead))).build();
    }

    @Test
    void theTimeAnAnswerWasMadeDoesNotChangeTheTagButWhatItSaysDoes() {
        assertEquals(TeamController.boardTag(board(1_000, false)), TeamController.boardTag(board(1_015, false)));
        assertNotEquals(TeamController.boardTag(board(1_000, false)), TeamController.boardTag(board(1_000, true)));
    }
}
