/**
 * Personal data: the privacy notice the public application page shows before its send
 * button and the candidate's confirmation of it ({@code lc_privacy_consent}); a person's
 * rights over what is held about them, for the project manager to answer
 * ({@code GET/DELETE /api/people?email=}), each act recorded without the personal data
 * itself ({@code lc_privacy_act}); and who read whose record ({@code lc_record_access}).
 * The inventory of personal data, its readers and its retention are in
 * {@code docs/personal-data.md}; the decisions in ADR 0026.
 */
package org.learningcommunities.lifecycle.privacy;
