/**
 * Recruitment: year one's funnel (guide p.43). Owns the call for applications, one
 * {@code lc_call} row per round (drafted, opened, closed at its deadline or early by the
 * leader), and the cohort: the admitted group measured against the mix agreed in
 * establishment, checked by the decision table {@code community-mix-check}, and confirmed
 * by the leader or reopened for another round ({@code lc_cohort_check}). The steps run in
 * {@code year-one}, whose model and constants belong to the community capability.
 */
package org.learningcommunities.lifecycle.recruitment;
