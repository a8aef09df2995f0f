/**
 * Community: a learning community from its registration to the end of its third year.
 * Owns the {@code community-lifecycle} process and its stages ({@code establishment},
 * {@code year-one}, {@code year-two}, {@code year-three}), the stage gate that closes
 * each stage, the community's stage and stage history, and what establishment and the
 * year summaries produce (shared vision, needs, goals confirmed by every partner,
 * evaluation plan, community mix), all kept in the LC_ tables of Flyway's first
 * migration.
 */
package org.learningcommunities.lifecycle.community;
