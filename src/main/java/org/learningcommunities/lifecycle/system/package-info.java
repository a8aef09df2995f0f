/**
 * System: what every capability relies on and none owns. The process engine waits for
 * Flyway (Flyway creates the LC_ tables, then the engine its ACT_ tables); the engine
 * REST API and our JSON API under {@code /api} require HTTP basic authentication against
 * Camunda's users, except a candidate's application; every user task is tied to its
 * Camunda Form from {@code forms/}, whose rules the server applies again on submission,
 * refusing bad input with an error that names the field; and one clock serves the
 * application's timestamps.
 */
package org.learningcommunities.lifecycle.system;
