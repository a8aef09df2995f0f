/**
 * Identity: the people of the contract. Owns the groups ({@code project-managers},
 * {@code community-leaders}, {@code partners}), what each group may do in the webapps and
 * the engine while authorization is on, the Tasklist filters each group works from, and,
 * in the demo profile only, the demo users (in the prod profile, the first
 * administrator); who may see and act on each community, in the engine
 * ({@link CommunityAuthorizations}) and in the application ({@link CommunityAccess}).
 * Users, groups and emails live in Camunda's identity service, the one source that the
 * other capabilities ask through {@link People}.
 */
package org.learningcommunities.lifecycle.identity;
