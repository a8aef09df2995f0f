/**
 * Impact and farewell: year three's impact tracks (a professional community inside an
 * authority or a region, or a long-term project) with their milestones, accompaniment and
 * outcome, the farewell that sums up three years, and the community's years as the API
 * lists them (each year's summary and knowledge products). Owns {@code impact-track.bpmn}
 * (one process per track, called by {@code year-three} as a multi-instance) and the
 * impact and farewell tables of migration V11.
 */
package org.learningcommunities.lifecycle.impact;
