package io.jeda.gateway;

import java.util.List;

/** What the fakes' generic admin answers received, for tests outside this package. */
public final class AdminAnswersAccess {

    private final AdminAnswers answers;

    private AdminAnswersAccess(AdminAnswers answers) {
        this.answers = answers;
    }

    public static AdminAnswersAccess policy(FakePolicyService fake) {
        return new AdminAnswersAccess(fake.admin);
    }

    public static AdminAnswersAccess attendance(FakeAttendanceService fake) {
        return new AdminAnswersAccess(fake.admin);
    }

    public record Got(com.google.protobuf.Message request, String authorization) {
    }

    public Got last(String method) {
        AdminAnswers.Received r = answers.last(method);
        return new Got(r.request(), r.authorization());
    }

    /** The method (simple name) answers with this refusal, as the service behind would, until reset. */
    public void fail(String method, io.jeda.common.error.JedaException refusal) {
        answers.failures.put(method, refusal);
    }

    public List<String> received() {
        return answers.received.stream().map(AdminAnswers.Received::method).toList();
    }
}
