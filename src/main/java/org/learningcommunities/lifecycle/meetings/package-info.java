/**
 * Meetings: the community's meetings (guide p.30-33, p.49), about ten a year, each a full
 * day hosted by an authority or online. Owns {@code lc_meeting}, one row per meeting
 * (date, topic, host, the planning sheet, logistics, attendance, feedback and the
 * knowledge product), and the {@code community-meeting} process, one instance per meeting
 * under the community's business key: the planning sheet, the logistics, the meeting day
 * as a timer, attendance and feedback, and the knowledge product. A meeting can be moved
 * or cancelled without touching the rest of the year. Answers
 * {@code /api/communities/{code}/meetings}.
 */
package org.learningcommunities.lifecycle.meetings;
