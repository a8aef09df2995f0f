package org.learningcommunities.lifecycle.meetings;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.learningcommunities.lifecycle.community.Stage;
import org.learningcommunities.lifecycle.identity.CommunityAccess;
import org.learningcommunities.lifecycle.system.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A community's meetings, as JSON, for signed-in users:
 * <ul>
 * <li>{@code POST /api/communities/{code}/meetings}: schedule a meeting; 201 with its
 * id;</li>
 * <li>{@code GET /api/communities/{code}/meetings}: the meetings and their status;</li>
 * <li>{@code POST /api/communities/{code}/meetings/{id}/move}: another day; 204;</li>
 * <li>{@code POST /api/communities/{code}/meetings/{id}/cancel}: 204.</li>
 * </ul>
 * Only the community's leader and project managers change its meetings (403 for others;
 * 404 for users who may not read the community, identity.CommunityAccess). Refusals are
 * problem details: 400 lists each invalid field in {@code errors}, 404 an unknown
 * community or meeting, 409 a meeting held or cancelled already.
 */
@RestController
@RequestMapping("/api/communities/{code}/meetings")
class MeetingsApiController {

	private final MeetingService meetings;

	private final CommunityAccess access;

	MeetingsApiController(MeetingService meetings, CommunityAccess access) {
		this.meetings = meetings;
		this.access = access;
	}

	@PostMapping
	ResponseEntity<?> schedule(@PathVariable String code, @RequestBody NewMeeting meeting) {
		if (!this.access.mayLead(code)) {
			return forbidden();
		}
		long meetingId = this.meetings.schedule(code, meeting.meetingDate(), meeting.topic(), meeting.host(),
				Boolean.TRUE.equals(meeting.online()), Boolean.TRUE.equals(meeting.seminar()));
		URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(meetingId).toUri();
		return ResponseEntity.created(location).body(Map.of("meetingId", meetingId));
	}

	@GetMapping
	List<MeetingView> meetings(@PathVariable String code) {
		return this.meetings.meetings(code).stream().map(MeetingView::of).toList();
	}

	@PostMapping("/{id}/move")
	ResponseEntity<?> move(@PathVariable String code, @PathVariable long id, @RequestBody Move move) {
		if (!this.access.mayLead(code)) {
			return forbidden();
		}
		this.meetings.move(code, id, move.meetingDate());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/cancel")
	ResponseEntity<?> cancel(@PathVariable String code, @PathVariable long id,
			@RequestBody(required = false) Cancellation cancellation) {
		if (!this.access.mayLead(code)) {
			return forbidden();
		}
		this.meetings.cancel(code, id, (cancellation != null) ? cancellation.reason() : null);
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		return ApiProblems.unreadable(ex);
	}

	private static ResponseEntity<ProblemDetail> forbidden() {
		return ApiProblems.problem(HttpStatus.FORBIDDEN,
				"Only the community's leader and project managers change its meetings");
	}

	/**
	 * The body of a new meeting: its day, topic, host, online or not, the seminar or not.
	 */
	record NewMeeting(LocalDate meetingDate, String topic, String host, Boolean online, Boolean seminar) {
	}

	/** The body of a move: the new day. */
	record Move(LocalDate meetingDate) {
	}

	/** The body of a cancellation: why, if known. */
	record Cancellation(String reason) {
	}

	/** A meeting as the API lists it. */
	record MeetingView(long meetingId, int seq, LocalDate meetingDate, String topic, String host, boolean online,
			boolean seminar, MeetingStatus status, String cancelReason, Integer attendanceCount, Integer satisfaction,
			String knowledgeProduct, Stage stage, String kind, String partnerCommunity, Long hostMember,
			Long coPlanner) {

		static MeetingView of(Meeting meeting) {
			return new MeetingView(meeting.id(), meeting.seq(), meeting.meetingDate(), meeting.topic(), meeting.host(),
					meeting.online(), meeting.seminar(), meeting.status(), meeting.cancelReason(),
					meeting.attendanceCount(), meeting.satisfaction(), meeting.knowledgeProduct(), meeting.stage(),
					meeting.kind().value(), meeting.partnerCommunity(), meeting.hostMemberId(), meeting.coPlannerId());
		}

	}

}
