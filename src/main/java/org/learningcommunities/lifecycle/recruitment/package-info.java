/**
 * Recruitment: year one's funnel (guide p.43). Owns the call for applications, one
 * {@code lc_call} row per round (drafted, opened, closed at its deadline or early by the
 * leader); the candidates who answer it and their admission, the
 * {@code candidate-admission} process, one instance per candidate under the community's
 * business key: screening against the agreed mix together with the partners, the
 * interview from the question bank, the admission decision, the mail that tells the
 * candidate, and withdrawal at any point; and the cohort: the admitted group measured
 * against the mix agreed in establishment, checked by the decision table
 * {@code community-mix-check}, and confirmed by the leader or reopened for another round
 * ({@code lc_cohort_check}). Answers the public {@code POST
 * /api/communities/{code}/applications}. Each time a candidate is decided it tells the
 * community's processes with the message {@code admission-decided}, from a job after the
 * decision is committed, on which {@code recruitment} (whose model and constants belong
 * to the community capability) waits (ADR 0020).
 */
package org.learningcommunities.lifecycle.recruitment;
