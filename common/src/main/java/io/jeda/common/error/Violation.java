package io.jeda.common.error;

/**
 * One broken rule among several reported together, for example one of the reasons a plan is
 * refused at submission.
 *
 * @param reason  UPPER_SNAKE_CASE code a program can act on
 * @param subject the field or thing the rule is about
 * @param message a sentence a person can read
 */
public record Violation(String reason, String subject, String message) {
}
