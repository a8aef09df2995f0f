/**
 * Work teams: year two's work teams (guide p.53-55), from the first meeting that forms
 * them to the products conference where each product is presented and signed off. Owns
 * {@code work-team.bpmn} (one process per team, called by {@code year-two} as a
 * multi-instance), the year's plan (central topics, the conference day, the budget per
 * team), each team's members, roles, product, budget requests and stages, in the tables
 * of migration V11.
 */
package org.learningcommunities.lifecycle.workteams;
