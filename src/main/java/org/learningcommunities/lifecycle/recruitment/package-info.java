/**
 * Recruitment: the candidates who answer a community's call for applications and their
 * admission (guide p.43). Owns the {@code candidate-admission} process, one instance per
 * candidate under the community's business key: screening against the agreed mix together
 * with the partners, the interview from the question bank, the admission decision, the
 * mail that tells the candidate, and withdrawal at any point. Keeps the candidates,
 * screenings, interviews and the question bank in the LC_ tables of V3, and answers the
 * public {@code POST /api/communities/{code}/applications}. Tells the community's other
 * processes (year one waits for every admission) each time a candidate is decided, with
 * the message {@code admission-decided}.
 */
package org.learningcommunities.lifecycle.recruitment;
