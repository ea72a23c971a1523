package io.jeda.policy;

/** Base of the reference-data endpoint tests (units, positions, officers, calendars). */
abstract class UnitApiTestBase extends PolicyTestBase {
}
