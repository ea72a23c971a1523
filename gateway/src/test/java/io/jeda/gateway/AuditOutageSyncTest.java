package io.jeda.gateway;

/** The same in sync mode: an answer is spooled before it is returned when the database is away. */
class AuditOutageSyncTest extends AuditOutageTest {

    @Override
    protected String mode() {
        return "sync";
    }
}
